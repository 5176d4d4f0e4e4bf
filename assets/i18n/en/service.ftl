# The service desk (/service/…), blocked accounts, e-mail changes.

service-nav-label = Service desk
service-nav-dashboard = Dashboard
service-nav-queue = Queue
service-nav-new-ticket = New request for a customer
service-tab-new-ticket = New request
service-nav-people = People
service-nav-audit = Audit log
service-nav-mail = Mail queue
service-waited = { $days } d { $hours } h

service-dashboard-title = Service desk
service-open-heading = Open requests ({ $count })
service-oldest-heading = Waiting longest
service-queue-all = The whole queue
service-returns-heading = Failed devices not returned within { $days } business days
service-returns-none = Every failed device awaiting pickup is within its pickup window.
service-returns-all = { $count ->
    [one] This one in the queue
   *[other] All { $count } in the queue (waiting more than a week)
}
service-returns-since = Waiting for the return since
service-weeks-heading = Requests opened and closed per week (last 12 weeks)
service-weeks-desc = Bar chart: for each of the last twelve weeks, the number of requests opened and the number closed.
service-weeks-opened = Opened
service-weeks-closed = Closed
service-weeks-figures = The figures as a table
service-weeks-week = Week from
service-mail-summary = { $waiting } e-mails waiting, { $failed } of them after a failed attempt.
service-mail-open = Open the mail queue

service-queue-title = Queue
service-queue-intro = Every request of every customer, whatever its age. By default the open ones, the longest waiting first: waiting counts from the request, the customer's last message or its last change of state.
service-queue-empty = No request matches.
service-assignee = Assignee
service-assignee-anyone = Anyone
service-assignee-me = Me
service-assignee-none = Nobody
service-age = Waiting for more than
service-age-any = Any time
service-age-days = { $days ->
    [one] 1 day
   *[other] { $days } days
}
service-company = Company
service-company-none = No company is called “{ $name }”.
service-company-several = Several companies match; choose one:
service-company-shown = Requests of { $name }.
service-company-tickets = Requests of this company
service-waiting = Waiting
service-assigned-to = Assigned to { $name }.
service-assigned-nobody = Nobody has taken this request yet.
service-assign-to = Assign to
service-assign-submit = Assign
service-saved-assigned = The assignment is saved.

service-new-ticket-title = New request for a customer
service-new-ticket-intro = A request filed here belongs to the customer: it appears in their Ticket Tracking, and they receive the confirmation e-mail and every answer.
service-customer = The customer's e-mail address
service-customer-hint = The e-mail address they log in with.
service-customer-find = Find a customer by name or company
service-customer-unknown = No active customer account has this e-mail address.
service-customer-other = Another customer
service-continue = Continue
service-new-ticket-for = For { $name } ({ $email }).
service-plant = Plant
service-plant-none = No particular plant
service-plant-not-theirs = Choose one of this customer's plants.
service-new-ticket-message-hint = What the customer asked for, in your words; the first line becomes the subject.
service-new-ticket-submit = File the request

service-people-title = People
service-people-search = Name, e-mail or company
service-people-hint = Type part of a name, an e-mail address or a company name.
service-people-none = Nobody matches “{ $query }”.
service-people-found = { $count ->
    [one] 1 person matches “{ $query }”.
   *[other] { $count } people match “{ $query }”.
}
service-people-more = Only the first 100 are shown: add a word to narrow the search.
service-staff-account = A service-team account: it is managed on the command line (osc staff).
service-person = Name
service-role = Role
service-role-staff = Service team
service-status = Status
service-status-active = Active
service-status-unconfirmed = Not confirmed
service-status-removed = Removed
service-status-blocked = Blocked
service-status-locked = Locked
service-account-heading = Account
service-registered = Registered
service-last-login = Last log-in
service-sessions = Open sessions
service-failed-logins = Failed log-ins in a row
service-blocked-since = Blocked since
service-block-reason = Reason for blocking
service-block-hint = Required. Only the service team sees it; it is kept in the audit log.
service-block = Block the account
service-block-not-possible = This account cannot be blocked (it is already blocked or was removed).
service-unblock = Unblock the account
service-unlock = Unlock the account
service-unlock-hint = The account is locked or has failed log-ins: unlocking lets the person log in again at once.
service-resend-confirmation = Send the confirmation e-mail again
service-actions-heading = Actions
service-new-email = New e-mail address
service-new-email-hint = The person's log-in changes when the new address confirms through the link we send it; the old address is told.
service-change-email = Change the e-mail address
service-email-taken = Another account has this e-mail address.
service-email-same = This is already the account's e-mail address.
service-person-no-plants = No plants.
service-person-no-tickets = No requests.
service-history-heading = History
service-history-all = The whole history in the audit log
service-saved-blocked = The account is blocked; its sessions have ended.
service-saved-unblocked = The account is unblocked.
service-saved-unlocked = The account is unlocked.
service-saved-email = A confirmation link went to the new address, and a notice to the old one.
service-saved-confirmation = The confirmation e-mail was sent again.
service-saved-confirmed-already = The account has confirmed its e-mail address already.

service-audit-title = Audit log
service-audit-intro = Every action of the service team and every security event, newest first. Entries are never changed or deleted.
service-audit-event = Event
service-audit-user = Person (e-mail or number)
service-audit-no-user = No account has this e-mail address or number.
service-audit-when = When
service-audit-actor = By
service-audit-address = Address
service-audit-subject = About
service-audit-detail = Details
service-audit-empty = No entries.
service-audit-command-line = Command line
audit-event-login-failed = Failed log-in
audit-event-account-locked = Account locked
audit-event-account-unlocked = Account unlocked
audit-event-account-blocked = Account blocked
audit-event-account-unblocked = Account unblocked
audit-event-email-change-requested = E-mail change requested
audit-event-email-changed = E-mail changed
audit-event-confirmation-resent = Confirmation sent again
audit-event-role-changed = Role changed
audit-event-account-removed = Account removed
audit-event-invited = Collaborator invited
audit-event-ticket-assigned = Request assigned
audit-event-ticket-answered = Request answered
audit-event-ticket-moved = Request moved on
audit-event-ticket-created-for-customer = Request filed for a customer
audit-event-staff-added = Staff account added
audit-event-sessions-ended = Sessions ended
audit-event-mail-retried = E-mail retried

audit-detail-password = wrong password
audit-detail-security-answer = wrong answer to the security question
audit-detail-unknown-email = no account has this e-mail address
audit-detail-answer = answer to the customer
audit-detail-internal-note = internal note
audit-detail-admin = made administrator
audit-detail-installer = made installer
audit-detail-command-line = on the command line (osc staff)

service-mail-title = Mail queue
service-mail-counts = { $waiting } waiting, { $sent } sent.
service-mail-show = Show
service-mail-waiting = Waiting
service-mail-failed = Failed
service-mail-sent = Sent
service-mail-empty = No e-mails here.
service-mail-queued = Queued
service-mail-to = To
service-mail-subject = Subject
service-mail-error = Last error
service-mail-attempts = { $count ->
    [one] 1 attempt
   *[other] { $count } attempts
}
service-mail-next = next:
service-mail-retry = Retry now
service-mail-retry-label = Retry the e-mail to { $to } now
service-mail-retried = The e-mail is being sent again now.
service-mail-sent-already = This e-mail was sent already.

login-blocked = This account is blocked. Please contact the service team.
login-blocked-contact = Contact the service team

email-change-done-title = E-mail address changed
email-change-done-text = Your log-in is now { $email }. Please log in again.
email-change-used-text = This link was used already: the e-mail address has been changed.
email-change-expired-text = This link has expired; the e-mail address was not changed. Please ask the service team for a new link.
email-change-unknown-text = We do not know this link. Please open the link exactly as it is in the e-mail.
email-change-taken-title = E-mail address not changed
email-change-taken-text = Another account uses this e-mail address now, so it was not changed.

mail-email-change-subject = Confirm your new e-mail address for { $instance }
mail-email-change-body =
    Hello { $name },

    the service team has entered this address as your new log-in at { $instance }. Please confirm it by opening this link within { $hours } hours:

    { $link }

    Until you do, you keep logging in with your previous address. If you did not ask for this, ignore this e-mail.
mail-email-change-notice-subject = Your e-mail address at { $instance } is being changed
mail-email-change-notice-body =
    Hello { $name },

    { $team } has been asked to change your log-in at { $instance } to { $email }. The change takes effect when that address confirms it.

    If you did not ask for this, please contact us at once: { $contact }

service-sessions-heading = Sessions
service-sessions-hint = Ending a session logs the person out of that browser; they can log in again.
service-sessions-end = End session
service-sessions-end-all = End all sessions
service-saved-session-ended = The session has ended.
service-saved-sessions-ended = Every session of the person has ended.
service-two-factor = Two-step log-in
service-two-factor-on = On since { $date }
service-two-factor-off = Off
service-two-factor-reason = Reason for resetting two-step log-in
service-two-factor-reason-hint = For example how the person proved who they are. Kept in the audit log.
service-two-factor-reset = Reset two-step log-in
service-two-factor-staff = A staff member's two-step log-in is reset on the server's command line (osc staff reset-2fa).
service-saved-two-factor-reset = Two-step log-in is reset: the person logs in with the password alone, every session has ended, and they were e-mailed.
service-two-factor-not-on = This person has no two-step log-in to reset.
audit-event-two-factor-on = Two-step log-in on
audit-event-two-factor-off = Two-step log-in off
audit-event-recovery-code-used = Recovery code used
audit-event-recovery-codes-renewed = Recovery codes renewed
audit-event-person-erased = Person erased
audit-event-data-exported = Personal data exported
audit-event-two-factor-reset = Two-step log-in reset
service-branding-placeholder = The team name "{ $team }" and the contact address { $contact } that customers see in every footer and e-mail are placeholders. Set them under [branding] in the configuration file (team_name, contact_email) and restart.
service-backup-heading = Backups
service-backup-written = Last backup { $when }: { $size }, { $tickets } requests.
service-backup-failed = The last backup, started { $when }, failed. `osc status` and the server's log say why; the next attempt follows on schedule, or run `osc backup`.
service-backup-none = No backup yet.
service-backup-schedule = The server takes one every { $hours } hours and keeps the last { $keep } in the data directory's backups folder.
service-backup-off = Scheduled backups are off (backup.every_hours = 0): run `osc backup` yourself.
service-data-heading = Personal data
service-data-export = Export their data
service-data-export-hint = The same file the person gets with "Download my data": their account, plants, requests with messages and files, and their history. It is kept for 24 hours.
service-saved-export = The export is being prepared.
service-erase-heading = Erase this person
service-erase-hint = Deletes the account and replaces their name, e-mail, phone and addresses in every request, message and log entry that keeps them; the requests themselves, serials and RMA numbers stay. Their sessions end and search no longer finds them. This cannot be undone.
service-erase-confirm = Type the person's e-mail address to confirm
service-erase-submit = Erase permanently
service-erase-mismatch = This is not the person's e-mail address; nothing was erased.
service-erase-last-admin = This person is the last administrator of a company that still has members: make another member administrator first.
service-erase-self = You cannot erase your own account.
service-erased = The person was erased; { $tickets } requests no longer name them.

service-nav-inbox = Incoming mail
service-mail-bounced = Returned
audit-event-inbox-retried = Held incoming mail retried
audit-event-api-token-created = API token created
audit-event-api-token-revoked = API token revoked
audit-event-api-write = Change through the API
audit-event-webhook-added = Webhook registered
audit-event-webhook-removed = Webhook deleted
service-inbox-title = Incoming mail
service-inbox-retried = The message was put back; it is read again within seconds.
service-inbox-gone = The message was no longer in the held folder; its line was removed.
service-inbox-reads = Replies and requests by e-mail are read from the Maildir
service-inbox-reads-imap = Replies and requests by e-mail are read over IMAP from the folder
service-inbox-works = The mailbox has been read without trouble since { $since }.
service-inbox-fails = The mailbox cannot be read since { $since }; messages wait there and are read once it works again. The last answer:
service-inbox-off = Incoming mail is off (mail_in.source = "off").
service-inbox-address = Customers write to
service-inbox-no-address = No service address is set (mail_in.address): replies to notifications go to the sender address and are matched to their request by their headers.
service-inbox-connect = Connecting a mailbox
service-inbox-connect-imap = A mailbox at a provider: set mail_in.source = "imap" with imap_host, imap_user and imap_password (or the environment variable OSC_MAIL_IN_IMAP_PASSWORD), and imap_security = "starttls" if the server does not speak TLS from the start. New mail is read from imap_folder as soon as the server announces it; a processed message is moved to processed_folder, a held one to held_folder, none is deleted.
service-inbox-connect-maildir = A mail server on this machine: have Postfix or OpenSMTPD deliver into the Maildir (mail_in.source = "maildir"), or fetchmail or getmail fetch any mailbox into it.
service-inbox-connect-address = Then set mail_in.address to the address that mailbox receives, and restart the portal.
service-inbox-held = Held messages
service-inbox-held-intro = Messages that could not be turned into a request or a reply are kept aside, never deleted. Retry puts one back to be read again.
service-inbox-empty = No message is held.
service-inbox-when = Held
service-inbox-from = From
service-inbox-size = Size
service-inbox-reason = Reason
service-inbox-reason-unreadable = Not a readable e-mail
service-inbox-reason-too-large = Larger than the limit
service-inbox-reason-too-many = Too many from this sender this hour
service-inbox-reason-failed = Could not be stored
service-inbox-download = Download
service-inbox-download-label = Download the message { $file }
service-inbox-retry = Retry
service-inbox-retry-label = Retry the message { $file }
