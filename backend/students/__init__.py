"""Student and guardian sign-ins: username policy, initial credentials by email, SMS or
paper, the User Accounts list, the student home and the credential reports."""
