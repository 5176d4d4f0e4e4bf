# Invite collaborators
members-intro = The people of { $company } who use the portal, and the invitations still open.
members-collaborators = Collaborators
members-col-name = Name
members-col-role = Role
members-col-status = Status
members-col-last-login = Last log-in
members-col-plants = Assigned plants
members-col-actions = Actions
members-you = you
members-status-active = Active
members-status-locked = Locked
members-never = never
members-promote = Make administrator
members-demote = Make collaborator
members-step-down = Step down as administrator
members-remove = Remove
members-admin-rule = A company has at most two administrators and always at least one. To hand over, make your successor an administrator, then step down.
members-invite = Invite a collaborator
members-invite-hint = The person receives an e-mail with a link, valid for { $days } days, to create their access.
members-invite-submit = Send the invitation
members-pending = Pending invitations
members-pending-empty = No invitation is waiting.
members-sent = sent
members-expires = expires
members-expired = Expired
members-resend = Send again
members-revoke = Withdraw
members-done-invited = The invitation has been sent.
members-done-resent = The invitation has been sent again with a new link.
members-done-revoked = The invitation has been withdrawn.
members-done-promoted = The collaborator is now an administrator.
members-done-demoted = The administrator is now a collaborator.
members-done-removed = The collaborator has been removed and told by e-mail.
members-not-allowed = Only administrators of the company can do this.
members-already-admin = This person is an administrator already.
members-not-admin = This person is not an administrator.
members-max-admins = A company can have at most two administrators. Make one of them a collaborator first.
members-last-admin = The company must keep at least one administrator. Make someone else an administrator first.
members-cannot-remove-self = You cannot remove yourself. Hand over to another administrator, who can then remove you.
members-remove-title = Remove this collaborator?
members-remove-text = { $name } ({ $email }) will be removed from the company.
members-remove-effect-access = Their access ends at once: open sessions close and log-in is refused.
members-remove-effect-mail = They receive an e-mail saying that the business relationship has ended and their access is deactivated.
members-remove-effect-plants = Their plant assignments are dropped.
members-remove-effect-kept = Nothing they created is lost: their plants and tickets stay with the company.
invite-role-unknown = Choose a role from the list.
invite-has-account = This e-mail address already has an account in the portal, so it cannot be invited. One login per person: ask the person to contact the service team if they change companies.
invite-already-invited = This address has been invited already. Send the invitation again from the list of pending invitations.
invitation-unusable-title = This invitation cannot be used
invitation-unknown = This invitation link is not valid. Check that you copied it completely.
invitation-used = This invitation has been used already. Log in with the access you created.
invitation-revoked = This invitation has been withdrawn. Ask your company's administrator for a new one.
invitation-expired = This invitation is too old. Ask your company's administrator to send it again.
invitation-signed-in = You are logged in. Log out first to accept an invitation for another address.
join-title = Join { $company }
join-intro = You have been invited to { $company } as { $role }. Create your access: it is active at once.
join-email-fixed = The invitation was sent to this address; it is your log-in name.
join-submit = Create my access
login-removed = Your access has been deactivated by your company's administrator. If you think this is a mistake, contact your company.
saved-stepped-down = You are now a collaborator of your company.
saved-joined = Welcome! Your access has been created.

# E-mails
mail-invitation-subject = { $inviter } invites you to { $company } at { $instance }
mail-invitation-body =
    Hello,

    { $inviter } invites you to join { $company } at { $instance } as { $role }.

    Open this link within { $days } days to create your access:

    { $link }

    If you do not know { $company }, ignore this e-mail.
mail-removed-subject = Your access to { $company } at { $instance } has been deactivated
mail-removed-body =
    Hello { $name },

    the business relationship between you and { $company } has ended, and your access to { $instance } has been deactivated.

    The plants and tickets you worked on stay with { $company }. If you think this is a mistake, please contact { $company }.
members-operators = Plant operators
members-operators-empty = None of your plants names a plant operator yet. A plant's operator appears here with their contact data.
members-col-operator-plants = Their plants
members-operator-no-account = no account
members-operator-named = named “{ $name }” in the plant
