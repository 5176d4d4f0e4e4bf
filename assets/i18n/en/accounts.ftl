# Shared form words
form-has-errors = Please correct the marked fields.
select-placeholder = Please choose
field-choose = Choose one of the options.
field-required = Please fill in this field.
field-too-long = This is too long.
field-invalid-characters = This contains characters that are not allowed.
field-phone-invalid = Enter a phone number with at least 6 digits (digits, spaces and + ( ) - / . only).
field-email = E-mail address
field-password = Password
field-password-confirm = Repeat the password
field-new-password = New password
field-current-password = Current password
field-first-name = First name
field-last-name = Last name
field-phone = Phone
field-language = Language
field-company-name = Company name
field-street = Street and number
field-postal-code = Postal code
field-city = City
field-country = Country
field-recipient = Recipient
field-recipient-hint = Person or company as it should appear on the parcel.
field-security-question = Security question
field-security-answer = Answer
email-invalid = Enter an e-mail address such as name@example.com.
country-unknown = Choose a country from the list.
language-unknown = Choose a language from the list.
account-type-unknown = Choose one of the account types.
password-hint = At least 12 characters. Longer is better: a sentence of several words is easy to remember and hard to guess.
password-too-short = The password must have at least 12 characters.
password-too-long = The password may have at most 128 characters.
password-is-email = The password must not be your e-mail address.
password-too-weak = This password is too easy to guess. Use a longer one, for example several unrelated words.
password-mismatch = The two passwords are not the same.
security-question-unknown = Choose a question from the list.
security-answer-hint = At least 3 characters. Upper and lower case and accents do not matter.
security-answer-too-short = The answer must have at least 3 characters.
security-answer-wrong = This answer does not match. Check the spelling and try again.
terms-not-accepted = Please accept the terms of use and the privacy policy to register.
current-password-wrong = This is not your current password.
action-edit = Edit
action-delete = Delete
action-cancel = Cancel
logout = Log out
role-admin = Administrator
role-member = Collaborator

# Account types
account-type-installer = Installer (installation company)
account-type-operator = Plant operator (owner of a plant)
account-type-wholesaler = Wholesaler (business partner)

# Security questions
security-question-first-pet = What was the name of your first pet?
security-question-childhood-street = In which street did you live as a child?
security-question-first-school = What was the name of your first school?
security-question-parents-met = In which city did your parents meet?
security-question-first-car = What was the make of your first car?
security-question-childhood-friend = What is the first name of your best childhood friend?
security-question-first-job = Where did you have your first job?
security-question-favourite-teacher = What is the surname of your favourite teacher?

# Registration
register-title = Register for free
register-intro = One account per person. Installers and wholesalers register their company; the first person to register a company becomes its administrator and invites colleagues.
register-legend-account = Account
register-account-type = I register as
register-account-type-hint = Installers and wholesalers register a company; plant operators register as a person.
register-email-hint = This is your log-in name. We send a confirmation link to it.
register-legend-person = Contact person
register-legend-address = Address
register-company-hint = Required for installers and wholesalers.
register-legend-security = Security question
register-security-hint = If you forget your password, you answer this question to receive a link to set a new one.
register-accept-before = I accept the
register-accept-and = and have read the
register-submit = Register
register-have-account = Already registered?
register-sent-title = Check your mailbox
register-sent-text = We have sent an e-mail to the address you gave. Open the link in it within { $hours } hours to activate your account.
register-sent-spam = No e-mail after a few minutes? Look in your spam folder, or
company-exists-title = This company is already registered
company-exists-text = { $company } already has an account in the portal.
company-exists-next = Please ask your company's administrator to invite you: we have told them that you asked. The invitation e-mail contains a link to create your access.

# Confirmation
confirm-done-title = Account activated
confirm-done-text = Thank you: your e-mail address is confirmed and your account is active.
confirm-used-title = Link already used
confirm-used-text = This confirmation link has been used already. Your account is active: you can log in.
confirm-expired-title = Link expired
confirm-expired-text = This confirmation link is too old. Ask for a new one: it takes a moment.
confirm-unknown-title = Link not valid
confirm-unknown-text = This confirmation link is not valid. Check that you copied it completely, or ask for a new one.
confirm-resend-link = ask for a new confirmation link
confirm-resend-title = New confirmation link
confirm-resend-text = Enter the e-mail address you registered with. If its account still waits for confirmation, we send a new link.
confirm-resend-submit = Send a new link
confirm-resend-sent = If an account with this address waits for confirmation, a new link is on its way.

# Log-in
login-failed = E-mail address or password is wrong.
login-throttled = Too many failed attempts from your connection. Please wait 15 minutes and try again.
login-unconfirmed = Your e-mail address is not confirmed yet. Open the link in the e-mail we sent you, or

# Password recovery
forgot-title = Forgot your password?
forgot-intro = Enter the e-mail address you log in with. You then answer your security question and receive a link to set a new password.
forgot-locked = For your security, your account has been locked after { $max } failed log-ins. Set a new password to unlock it.
forgot-next = Continue
forgot-question-intro = Answer the security question of { $email }.
forgot-answer-hint = Upper and lower case and accents do not matter.
forgot-send = Send me the link
forgot-sent-title = Check your mailbox
forgot-sent-text = We have sent you an e-mail with a link to set a new password. It works once, within { $minutes } minutes.
reset-title = Set a new password
reset-submit = Save the new password
reset-invalid-title = This link does not work
reset-used-text = This link has been used already. Each link works only once.
reset-expired-text = This link is too old. Ask for a new one.
reset-unknown-text = This link is not valid. Check that you copied it completely, or ask for a new one.
reset-again = Ask for a new link
reset-done-title = Password changed
reset-done-text = Your new password is saved and your account is unlocked. You can log in now.

# My profile
profile-contact = Contact data
profile-email-fixed = Your e-mail address is your log-in name and cannot be changed here. To change it,
profile-email-contact = contact us
profile-company = Company
profile-language-hint = Pages and e-mails use this language.
profile-info-requests = Information requests
profile-info-hint = Choose what you would like to receive by e-mail.
profile-info-since = since
info-topic-product-news = Product news and firmware updates
info-topic-service-notices = Service notices about my devices
info-topic-training = Training and webinars for installers
profile-save = Save
profile-addresses = Delivery addresses
profile-addresses-hint = Replacement devices are sent to one of these addresses.
profile-addresses-empty = No delivery address yet.
address-default = Default
address-make-default = Use as default address
address-add = Add an address
address-edit = Edit delivery address
address-delete-title = Delete this delivery address?
address-delete-text = This address will no longer be offered for replacement devices. Requests already sent keep it.
profile-legal = Legal documents
legal-privacy-download = Download the privacy policy
legal-terms-download = Download the terms of use
saved-profile = Your contact data has been saved.
saved-address = The delivery address has been saved.
saved-address-deleted = The delivery address has been deleted.
saved-password = Your password has been changed. Your other sessions have been ended.
saved-question = Your security question has been changed.

# My access data
access-password = Change password
access-password-hint = You stay logged in here; every other session ends.
access-password-submit = Change password
access-question = Security question
access-question-submit = Save security question

# E-mails
mail-signature = { $team } · { $instance }
mail-confirm-subject = Confirm your registration at { $instance }
mail-confirm-body =
    Hello { $name },

    thank you for registering at { $instance }. Please confirm your e-mail address by opening this link within { $hours } hours:

    { $link }

    If you did not register, ignore this e-mail: nothing happens without the confirmation.
mail-already-registered-subject = Registration attempt with your e-mail address
mail-already-registered-body =
    Hello { $name },

    someone tried to register at { $instance } with your e-mail address, which already has an account. If it was you, simply log in:

    { $login }

    Forgot your password? Set a new one here: { $forgot }

    If it was not you, you do not need to do anything.
mail-company-exists-subject = { $requester } asks to join { $company }
mail-company-exists-body =
    Hello { $name },

    { $requester } ({ $email }) tried to register { $company } at { $instance }. The company already has an account, of which you are an administrator.

    If this person works with you, invite them as a collaborator: { $members }
mail-reset-subject = Set a new password for { $instance }
mail-reset-body =
    Hello { $name },

    open this link within { $minutes } minutes to set a new password. It works once.

    { $link }

    If you did not ask for it, ignore this e-mail: your password stays as it is.
mail-password-changed-subject = Your password at { $instance } was changed
mail-password-changed-body =
    Hello { $name },

    the password of your account at { $instance } has just been changed, and your other sessions were ended.

    If you did not do this, set a new password at once: { $forgot }
    and tell us at { $contact }.

# Sessions (My access data, and the service desk's person page)
sessions-heading = Sessions
sessions-hint = Every browser logged in to your account. Log out any you do not recognise, and change your password.
sessions-browser = Browser
sessions-browser-on = { $browser } on { $system }
sessions-unknown-browser = Unknown browser
sessions-address = Address
sessions-started = Logged in
sessions-last-seen = Last active
sessions-actions = Actions
sessions-this = This session
sessions-end = Log out
sessions-end-label = Log out { $browser }, last active { $when }
sessions-end-others = Log out everywhere else
sessions-none = No open sessions.
saved-session-ended = That session has been logged out.
saved-sessions-ended = Every other session has been logged out.

# Two-step log-in (My access data, the log-in's second step)
two-factor-title = Two-step log-in
two-factor-required-notice = The service team logs in in two steps. Set up two-step log-in now: nothing else opens until it is done.
two-factor-off-summary = Log-in asks for your password only. With two-step log-in, it also asks for a code from an app on your phone, so a stolen password alone does not open your account.
two-factor-set-up = Set up two-step log-in
two-factor-manage = Manage two-step log-in
two-factor-off-heading = Set up two-step log-in
two-factor-intro = After your password, log-in will ask for a six-digit code that an authenticator app on your phone shows and changes every 30 seconds.
two-factor-apps = Any authenticator app works, for example FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator. The app needs no connection to this portal.
two-factor-password-first = Your current password, to confirm it is you.
two-factor-start = Continue
two-factor-setup-heading = Connect your authenticator app
two-factor-step-scan = In the app, add an account and scan this QR code.
two-factor-qr-label = QR code for the authenticator app
two-factor-step-type = Cannot scan? Type this key into the app instead (time-based, 6 digits, 30 seconds):
two-factor-key = Key
two-factor-key-hint = Keep the key to yourself: whoever has it can make your codes.
two-factor-code = Code from the app
two-factor-code-hint = The six digits the app shows now.
two-factor-confirm = Turn on two-step log-in
two-factor-codes-heading = Your recovery codes
two-factor-now-on = Two-step log-in is on. Your other sessions were logged out.
two-factor-codes-intro = If you lose your phone, log in with one of these codes instead of a code from the app. Each code works once.
two-factor-codes-once = They are shown only now. Print them or keep them in a password manager, away from your phone.
two-factor-codes-saved = I have saved my recovery codes
saved-two-factor-on = Two-step log-in is on.
two-factor-on-heading = Two-step log-in is on
two-factor-on-since = Log-in asks for a code from your authenticator app since { $date }.
two-factor-recovery-left = { $count ->
    [0] No recovery code left: make new ones.
    [one] One unused recovery code left.
   *[other] { $count } unused recovery codes left.
}
two-factor-renew-heading = New recovery codes
two-factor-renew-hint = Makes ten new codes; the old ones stop working at once.
two-factor-renew = Make new recovery codes
two-factor-turn-off-heading = Turn off two-step log-in
two-factor-turn-off-hint = Log-in will ask for your password only. Your other sessions are logged out.
two-factor-code-or-recovery = Code from the app, or a recovery code
two-factor-turn-off = Turn off two-step log-in
two-factor-required-staff = Service team accounts must log in in two steps on this instance; it cannot be turned off.
saved-two-factor-off = Two-step log-in is off. Your other sessions were logged out.
two-factor-already-on = Two-step log-in is already on.
two-factor-setup-gone = This set-up is no longer waiting for a code. Start again.
two-factor-code-missing = Enter the code.
two-factor-code-wrong = This code is not right, or was used already. Enter the code the app shows now.
two-factor-code-malformed = Enter the six digits from the app, or a recovery code like abcd-efgh-jkmn-pqrs.
two-factor-not-on = Two-step log-in is not on.
login-code-heading = Second step
login-code-intro = Your password is right. Now enter the code your authenticator app shows.
login-code-hint = Lost your phone? Enter one of your recovery codes instead.
login-code-submit = Log in
login-code-restart = Start again
login-code-gone = The time for the second step ran out. Log in again.
mail-two-factor-on-subject = Two-step log-in is on for your account at { $instance }
mail-two-factor-on-body =
    Hello { $name },

    two-step log-in has just been turned on for your account at { $instance }: log-in now asks for a code from your authenticator app after the password. Your other sessions were ended.

    If you did not do this, set a new password at once: { $forgot }
    and tell us at { $contact }.
mail-two-factor-off-subject = Two-step log-in is off for your account at { $instance }
mail-two-factor-off-body =
    Hello { $name },

    two-step log-in has just been turned off for your account at { $instance }: log-in asks for the password only. Your other sessions were ended.

    If you did not do this, set a new password at once: { $forgot }
    turn two-step log-in on again: { $access }
    and tell us at { $contact }.
mail-two-factor-reset-subject = Your two-step log-in at { $instance } was reset
mail-two-factor-reset-body =
    Hello { $name },

    the service team has reset the two-step log-in of your account at { $instance }: log-in asks for your password only, and every session was ended.

    Turn it on again with your authenticator app: { $access }

    If you did not ask for this, tell us at once at { $contact }.
mail-recovery-code-used-subject = A recovery code was used to log in to { $instance }
mail-recovery-code-used-body =
    Hello { $name },

    someone has just logged in to your account at { $instance } with one of your recovery codes. Recovery codes left: { $left }.

    If this was you, make new recovery codes when few are left: { $access }
    If it was not, set a new password at once: { $forgot }
    and tell us at { $contact }.

# The first run (no service-team account yet)
first-run-not-set-up = This portal is not set up yet.
first-run-not-set-up-detail = Its service team has no account, so requests cannot be read yet and are not taken. Whoever runs this instance: open the set-up link printed in the server's log, or run osc staff add.
first-run-closed-title = Not taking requests yet
first-run-back = Back to the start page
first-run-title = Set up this portal
first-run-intro = Create the first account of the service team. It can then log in to the service desk, where it sets up two-step log-in; further staff accounts are made with osc staff add.
first-run-name = Full name
first-run-name-hint = First and last name, for example Sam Service.
first-run-submit = Create the service-team account
first-run-done-title = The portal is set up
first-run-done = The service-team account { $email } is ready. Log in to set up its two-step log-in and open the service desk.
first-run-set-up-already = This portal is set up already: its service team has an account. Log in, or ask a colleague to add you with osc staff add.
first-run-link-invalid = This set-up link does not work (any more). Each start of the server prints a new one in its log while no service-team account exists.
setup-name-two-words = Enter the first and the last name.
setup-email-taken = This e-mail address already has an account. Use another one for the service team.
login-email-missing = Enter your e-mail address.
login-password-missing = Enter your password.
postal-code-4-digits = Enter the postal code as 4 digits, for example 8010.
postal-code-5-digits = Enter the postal code as 5 digits, for example 34266.
postal-code-cz = Enter the postal code as 5 digits, for example 110 00.
postal-code-nl = Enter the postal code as 4 digits and 2 letters, for example 1234 AB.
postal-code-pl = Enter the postal code as 5 digits, for example 00-950.
postal-code-pt = Enter the postal code as 7 digits, for example 1000-001.
postal-code-gb = Enter a UK postcode, for example SW1A 1AA.
data-title = Download my data
data-intro = One file (a zip) with your account, your addresses, the plants you operate with their devices, your requests with their messages and attached files, and the history of your account. It is prepared in the background and kept for 24 hours; only you can download it.
data-prepare = Prepare my data
data-progress-label = Progress
data-running = Preparing the file: { $done } of { $total } requests written.
data-running-hint = This page reloads by itself until the file is ready.
data-reload = Reload to see whether it is ready
data-ready = The file is ready ({ $size }). It can be downloaded until { $until }.
data-download = Download the file
data-again = Prepare it again
data-failed = Preparing the file failed. Please try again; if it fails again, contact { $team }.

# API access tokens (My access data)
api-tokens-title = API access tokens
api-tokens-intro = A token lets a program, such as your ERP or your plant monitoring, use the portal's API in your name: it sees and does what you see and do here, within the scopes you give it.
api-tokens-summary = { $count ->
    [0] You have no API access tokens.
    [one] You have one API access token.
   *[other] You have { $count } API access tokens.
}
api-tokens-manage = Manage API access tokens
api-tokens-yours = Your tokens
api-tokens-none = No tokens yet.
api-token-name = Name
api-token-name-hint = What the token is for, e.g. "ERP" or "Monitoring".
api-token-scopes = Scopes
api-token-scope-read = Read
api-token-scope-read-hint = see requests, plants and devices
api-token-scope-write = Write
api-token-scope-write-hint = file requests, add messages, register devices
api-token-company-wide = Company-wide
api-token-company-wide-hint = sees your company's requests and plants, as you do as administrator; otherwise only yours
api-token-company-wide-badge = company-wide
api-token-lifetime = Valid for
api-token-lifetime-90 = 90 days
api-token-lifetime-30 = 30 days
api-token-lifetime-365 = one year
api-token-lifetime-never = until revoked
api-token-created = Created
api-token-expires = Expires
api-token-expired = expired
api-token-never-expires = never
api-token-last-used = Last used
api-token-never-used = never
api-token-revoke = Revoke
api-token-revoke-label = Revoke the token { $name }
api-token-new = New token
api-token-create = Create token
api-token-made-title = Your new token
api-token-made = The token has been created.
api-token-once = Copy it now: it is shown this once and cannot be shown again. If it is lost, revoke it and create another.
api-token-secret = Token
api-token-use = Programs send it with every request in this header:
api-token-done = I have copied it
api-token-no-scope = Choose at least one scope.
api-token-company-wide-admins = Only a company's administrators can create company-wide tokens.
api-token-too-many = You have the most tokens allowed (20). Revoke one you no longer use first.
saved-api-token-revoked = The token has been revoked: it no longer works.
