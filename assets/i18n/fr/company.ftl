# Inviter des collaborateurs
members-intro = Les personnes de { $company } qui utilisent le portail, et les invitations encore ouvertes.
members-collaborators = Collaborateurs
members-col-name = Nom
members-col-role = Rôle
members-col-status = Statut
members-col-last-login = Dernière connexion
members-col-plants = Installations attribuées
members-col-actions = Actions
members-you = vous
members-status-active = Actif
members-status-locked = Verrouillé
members-never = jamais
members-promote = Nommer administrateur
members-demote = Repasser collaborateur
members-step-down = Quitter le rôle d’administrateur
members-remove = Retirer
members-admin-rule = Une entreprise a au plus deux administrateurs et toujours au moins un. Pour passer la main, nommez votre successeur administrateur, puis quittez ce rôle.
members-invite = Inviter un collaborateur
members-invite-hint = La personne reçoit un e-mail avec un lien, valable { $days } jours, pour créer son accès.
members-invite-submit = Envoyer l’invitation
members-pending = Invitations en attente
members-pending-empty = Aucune invitation en attente.
members-sent = envoyée le
members-expires = expire le
members-expired = Expirée
members-resend = Renvoyer
members-revoke = Retirer l’invitation
members-done-invited = L’invitation a été envoyée.
members-done-resent = L’invitation a été renvoyée avec un nouveau lien.
members-done-revoked = L’invitation a été retirée.
members-done-promoted = Le collaborateur est désormais administrateur.
members-done-demoted = L’administrateur est désormais collaborateur.
members-done-removed = Le collaborateur a été retiré et prévenu par e-mail.
members-not-allowed = Seuls les administrateurs de l’entreprise peuvent faire cela.
members-already-admin = Cette personne est déjà administrateur.
members-not-admin = Cette personne n’est pas administrateur.
members-max-admins = Une entreprise peut avoir au plus deux administrateurs. Repassez d’abord l’un d’eux collaborateur.
members-last-admin = L’entreprise doit garder au moins un administrateur. Nommez d’abord quelqu’un d’autre administrateur.
members-cannot-remove-self = Vous ne pouvez pas vous retirer vous-même. Passez la main à un autre administrateur, qui pourra ensuite vous retirer.
members-remove-title = Retirer ce collaborateur ?
members-remove-text = { $name } ({ $email }) sera retiré de l’entreprise.
members-remove-effect-access = Son accès prend fin immédiatement : les sessions ouvertes se ferment et la connexion est refusée.
members-remove-effect-mail = Il reçoit un e-mail indiquant que la relation d’affaires a pris fin et que son accès est désactivé.
members-remove-effect-plants = Ses attributions d’installations sont supprimées.
members-remove-effect-kept = Rien de ce qu’il a créé n’est perdu : ses installations et ses tickets restent à l’entreprise.
invite-role-unknown = Choisissez un rôle dans la liste.
invite-has-account = Cette adresse e-mail possède déjà un compte sur le portail et ne peut donc pas être invitée. Un seul identifiant par personne : en cas de changement d’entreprise, la personne contacte l’équipe de service.
invite-already-invited = Cette adresse a déjà été invitée. Renvoyez l’invitation depuis la liste des invitations en attente.
invitation-unusable-title = Cette invitation ne peut pas être utilisée
invitation-unknown = Ce lien d’invitation n’est pas valable. Vérifiez que vous l’avez copié en entier.
invitation-used = Cette invitation a déjà été utilisée. Connectez-vous avec l’accès que vous avez créé.
invitation-revoked = Cette invitation a été retirée. Demandez-en une nouvelle à l’administrateur de votre entreprise.
invitation-expired = Cette invitation est trop ancienne. Demandez à l’administrateur de votre entreprise de la renvoyer.
invitation-signed-in = Vous êtes connecté. Déconnectez-vous d’abord pour accepter une invitation destinée à une autre adresse.
join-title = Rejoindre { $company }
join-intro = Vous êtes invité chez { $company } en tant que { $role }. Créez votre accès : il est actif immédiatement.
join-email-fixed = L’invitation a été envoyée à cette adresse ; c’est votre identifiant.
join-submit = Créer mon accès
login-removed = Votre accès a été désactivé par l’administrateur de votre entreprise. S’il s’agit d’une erreur, contactez votre entreprise.
saved-stepped-down = Vous êtes désormais collaborateur de votre entreprise.
saved-joined = Bienvenue ! Votre accès a été créé.

# E-mails
mail-invitation-subject = { $inviter } vous invite chez { $company } sur { $instance }
mail-invitation-body =
    Bonjour,

    { $inviter } vous invite à rejoindre { $company } sur { $instance } en tant que { $role }.

    Ouvrez ce lien dans les { $days } jours pour créer votre accès :

    { $link }

    Si vous ne connaissez pas { $company }, ignorez cet e-mail.
mail-removed-subject = Votre accès à { $company } sur { $instance } a été désactivé
mail-removed-body =
    Bonjour { $name },

    la relation d’affaires entre vous et { $company } a pris fin, et votre accès à { $instance } a été désactivé.

    Les installations et tickets sur lesquels vous avez travaillé restent à { $company }. S’il s’agit d’une erreur, contactez { $company }.
members-operators = Exploitants des installations
members-operators-empty = Aucune de vos installations n’indique encore d’exploitant. L’exploitant d’une installation apparaît ici avec ses coordonnées.
members-col-operator-plants = Ses installations
members-operator-no-account = pas de compte
members-operator-named = nommé « { $name } » dans l’installation
