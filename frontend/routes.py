"""Every path of the portal, in one place. Email links (from the API) use the first four."""

RESET_PASSWORD = "/reset-password"
ACCEPT_INVITATION = "/accept-invitation"
FORGOT_PASSWORD = "/forgot-password"
SIGN_IN = "/sign-in"
SIGN_OUT = "/sign-out"

HOME = "/"
CHANGE_PASSWORD = "/account/password"
USER_MANAGEMENT = "/settings/users"

# Families and seats:
MY_ACCOUNT = "/my-account"  # Families: guardian, secondary users, family switcher
SEATS = "/seats"  # Seat dashboard
OFFICE_FAMILIES = "/office/families"  # Office Portal: account staff (families.manage) see and create families

# Enterprise sign-in: the API's /sso/callback sends the browser to ENTERPRISE_SIGNED_IN (tokens in the fragment).
ENTERPRISE_SIGNED_IN = "/enterprise/signed-in"
ENTERPRISE = "/enterprise"  # my enterprise group's member accounts; act as the mapped staff user in one

# Students: office staff's User Accounts page; a student's own home (and first password).
USER_ACCOUNTS = "/office/user-accounts"
STUDENT_HOME = "/student"
