"""Every path of the portal, in one place. Email links (from the API) use the first four."""

RESET_PASSWORD = "/reset-password"
ACCEPT_INVITATION = "/accept-invitation"
FORGOT_PASSWORD = "/forgot-password"
SIGN_IN = "/sign-in"
SIGN_OUT = "/sign-out"

HOME = "/"
NOT_FOUND = "404"  # Reflex's slug for the page shown on an unknown path
CHANGE_PASSWORD = "/account/password"
USER_MANAGEMENT = "/settings/users"

# Families and seats:
MY_ACCOUNT = "/my-account"  # Families: guardian, secondary users, family switcher
SEATS = "/seats"  # Seat dashboard
MY_LEARNING = "/learning"  # a seat holder's subscriptions, assignments and content
OFFICE_FAMILIES = "/office/families"  # Office Portal: account staff (families.manage) see and create families

# Enterprise sign-in: the API's /sso/callback sends the browser to ENTERPRISE_SIGNED_IN (tokens in the fragment).
ENTERPRISE_SIGNED_IN = "/enterprise/signed-in"
ENTERPRISE = "/enterprise"  # my enterprise group's member accounts; act as the mapped staff user in one
ENTERPRISE_ADMIN = "/enterprise/admin"  # group admins: people, subgroups, login-as users, providers (read-only)

# Students: office staff's User Accounts page; a student's own home (and first password).
USER_ACCOUNTS = "/office/user-accounts"
STUDENT_HOME = "/student"
