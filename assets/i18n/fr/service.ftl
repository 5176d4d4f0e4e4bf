# Le service desk (/service/…), comptes bloqués, changements d’adresse e-mail.

service-nav-label = Service client
service-nav-dashboard = Tableau de bord
service-nav-queue = File d’attente
service-nav-new-ticket = Nouvelle demande pour un client
service-tab-new-ticket = Nouvelle demande
service-nav-people = Personnes
service-nav-audit = Journal d’audit
service-nav-mail = File des e-mails
service-waited = { $days } j { $hours } h

service-dashboard-title = Service client
service-open-heading = Demandes ouvertes ({ $count })
service-oldest-heading = Attendent depuis le plus longtemps
service-queue-all = Toute la file d’attente
service-returns-heading = Appareils défectueux non retournés sous { $days } jours ouvrés
service-returns-none = Chaque appareil défectueux à enlever est encore dans son délai d’enlèvement.
service-returns-all = { $count ->
    [one] Celle-ci dans la file d’attente
   *[other] Les { $count } dans la file d’attente (en attente depuis plus d’une semaine)
}
service-returns-since = Retour attendu depuis
service-weeks-heading = Demandes ouvertes et clôturées par semaine (12 dernières semaines)
service-weeks-desc = Diagramme en barres : pour chacune des douze dernières semaines, le nombre de demandes ouvertes et le nombre de demandes clôturées.
service-weeks-opened = Ouvertes
service-weeks-closed = Clôturées
service-weeks-figures = Les chiffres sous forme de tableau
service-weeks-week = Semaine du
service-mail-summary = { $waiting } e-mails en attente, dont { $failed } après un échec.
service-mail-open = Ouvrir la file des e-mails

service-queue-title = File d’attente
service-queue-intro = Toutes les demandes de tous les clients, quel que soit leur âge. Par défaut les demandes ouvertes, celles qui attendent depuis le plus longtemps d’abord : l’attente compte depuis la demande, le dernier message du client ou le dernier changement de statut.
service-queue-empty = Aucune demande ne correspond.
service-assignee = Responsable
service-assignee-anyone = Tous
service-assignee-me = Moi
service-assignee-none = Personne
service-age = En attente depuis plus de
service-age-any = Peu importe
service-age-days = { $days ->
    [one] 1 jour
   *[other] { $days } jours
}
service-company = Entreprise
service-company-none = Aucune entreprise ne s’appelle « { $name } ».
service-company-several = Plusieurs entreprises correspondent ; choisissez-en une :
service-company-shown = Demandes de { $name }.
service-company-tickets = Demandes de cette entreprise
service-waiting = Attente
service-assigned-to = Attribuée à { $name }.
service-assigned-nobody = Personne n’a encore pris cette demande.
service-assign-to = Attribuer à
service-assign-submit = Attribuer
service-saved-assigned = L’attribution est enregistrée.

service-new-ticket-title = Nouvelle demande pour un client
service-new-ticket-intro = Une demande saisie ici appartient au client : elle apparaît dans son suivi des tickets, et il reçoit par e-mail la confirmation et chaque réponse.
service-customer = Adresse e-mail du client
service-customer-hint = L’adresse avec laquelle il se connecte.
service-customer-find = Trouver un client par nom ou entreprise
service-customer-unknown = Aucun compte client actif n’a cette adresse e-mail.
service-customer-other = Autre client
service-continue = Continuer
service-new-ticket-for = Pour { $name } ({ $email }).
service-plant = Installation
service-plant-none = Aucune installation en particulier
service-plant-not-theirs = Choisissez une installation de ce client.
service-new-ticket-message-hint = La demande du client, dans vos mots ; la première ligne devient l’objet.
service-new-ticket-submit = Enregistrer la demande

service-people-title = Personnes
service-people-search = Nom, e-mail ou entreprise
service-people-hint = Saisissez une partie d’un nom, d’une adresse e-mail ou d’un nom d’entreprise.
service-people-none = Personne ne correspond à « { $query } ».
service-people-found = { $count ->
    [one] 1 personne correspond à « { $query } ».
   *[other] { $count } personnes correspondent à « { $query } ».
}
service-people-more = Seules les 100 premières sont affichées : ajoutez un mot pour affiner la recherche.
service-staff-account = Un compte de l’équipe de service : il se gère en ligne de commande (osc staff).
service-person = Nom
service-role = Rôle
service-role-staff = Équipe de service
service-status = Statut
service-status-active = Actif
service-status-unconfirmed = Non confirmé
service-status-removed = Retiré
service-status-blocked = Bloqué
service-status-locked = Verrouillé
service-account-heading = Compte
service-registered = Inscrit le
service-last-login = Dernière connexion
service-sessions = Sessions ouvertes
service-failed-logins = Échecs de connexion consécutifs
service-blocked-since = Bloqué depuis
service-block-reason = Motif du blocage
service-block-hint = Obligatoire. Seule l’équipe de service le voit ; il figure au journal d’audit.
service-block = Bloquer le compte
service-block-not-possible = Ce compte ne peut pas être bloqué (il est déjà bloqué ou a été retiré).
service-unblock = Débloquer le compte
service-unlock = Déverrouiller le compte
service-unlock-hint = Le compte est verrouillé ou a des échecs de connexion : le déverrouiller permet de se connecter à nouveau tout de suite.
service-resend-confirmation = Renvoyer l’e-mail de confirmation
service-actions-heading = Actions
service-new-email = Nouvelle adresse e-mail
service-new-email-hint = L’identifiant change quand la nouvelle adresse confirme par le lien que nous lui envoyons ; l’ancienne adresse est prévenue.
service-change-email = Changer l’adresse e-mail
service-email-taken = Un autre compte a cette adresse e-mail.
service-email-same = C’est déjà l’adresse e-mail du compte.
service-person-no-plants = Aucune installation.
service-person-no-tickets = Aucune demande.
service-history-heading = Historique
service-history-all = Tout l’historique dans le journal d’audit
service-saved-blocked = Le compte est bloqué ; ses sessions sont terminées.
service-saved-unblocked = Le compte est débloqué.
service-saved-unlocked = Le compte est déverrouillé.
service-saved-email = Un lien de confirmation est parti vers la nouvelle adresse, et un avis vers l’ancienne.
service-saved-confirmation = L’e-mail de confirmation a été renvoyé.
service-saved-confirmed-already = Le compte a déjà confirmé son adresse e-mail.

service-audit-title = Journal d’audit
service-audit-intro = Chaque action de l’équipe de service et chaque événement de sécurité, les plus récents d’abord. Les entrées ne sont jamais modifiées ni supprimées.
service-audit-event = Événement
service-audit-user = Personne (e-mail ou numéro)
service-audit-no-user = Aucun compte n’a cette adresse e-mail ou ce numéro.
service-audit-when = Quand
service-audit-actor = Par
service-audit-address = Adresse
service-audit-subject = Concerne
service-audit-detail = Détails
service-audit-empty = Aucune entrée.
service-audit-command-line = Ligne de commande
audit-event-login-failed = Échec de connexion
audit-event-account-locked = Compte verrouillé
audit-event-account-unlocked = Compte déverrouillé
audit-event-account-blocked = Compte bloqué
audit-event-account-unblocked = Compte débloqué
audit-event-email-change-requested = Changement d’e-mail demandé
audit-event-email-changed = E-mail changé
audit-event-confirmation-resent = Confirmation renvoyée
audit-event-role-changed = Rôle changé
audit-event-account-removed = Compte retiré
audit-event-invited = Collaborateur invité
audit-event-ticket-assigned = Demande attribuée
audit-event-ticket-answered = Réponse à une demande
audit-event-ticket-moved = Demande avancée
audit-event-ticket-created-for-customer = Demande saisie pour un client
audit-event-staff-added = Compte de service créé
audit-event-sessions-ended = Sessions fermées
audit-event-mail-retried = E-mail relancé

audit-detail-password = mot de passe erroné
audit-detail-security-answer = mauvaise réponse à la question de sécurité
audit-detail-unknown-email = aucun compte n’a cette adresse e-mail
audit-detail-answer = réponse au client
audit-detail-internal-note = note interne
audit-detail-admin = nommé administrateur
audit-detail-installer = nommé installateur
audit-detail-command-line = en ligne de commande (osc staff)

service-mail-title = File des e-mails
service-mail-counts = { $waiting } en attente, { $sent } envoyés.
service-mail-show = Afficher
service-mail-waiting = En attente
service-mail-failed = En échec
service-mail-sent = Envoyé
service-mail-empty = Aucun e-mail ici.
service-mail-queued = Mis en file
service-mail-to = À
service-mail-subject = Objet
service-mail-error = Dernière erreur
service-mail-attempts = { $count ->
    [one] 1 tentative
   *[other] { $count } tentatives
}
service-mail-next = prochaine :
service-mail-retry = Réessayer maintenant
service-mail-retry-label = Renvoyer maintenant l’e-mail à { $to }
service-mail-retried = L’e-mail est renvoyé maintenant.
service-mail-sent-already = Cet e-mail a déjà été envoyé.

login-blocked = Ce compte est bloqué. Veuillez contacter l’équipe de service.
login-blocked-contact = Contacter l’équipe de service

email-change-done-title = Adresse e-mail changée
email-change-done-text = Votre identifiant est désormais { $email }. Veuillez vous reconnecter.
email-change-used-text = Ce lien a déjà été utilisé : l’adresse e-mail a été changée.
email-change-expired-text = Ce lien a expiré ; l’adresse e-mail n’a pas été changée. Demandez un nouveau lien à l’équipe de service.
email-change-unknown-text = Nous ne connaissons pas ce lien. Ouvrez le lien exactement tel qu’il figure dans l’e-mail.
email-change-taken-title = Adresse e-mail non changée
email-change-taken-text = Un autre compte utilise désormais cette adresse e-mail ; elle n’a donc pas été changée.

mail-email-change-subject = Confirmez votre nouvelle adresse e-mail pour { $instance }
mail-email-change-body =
    Bonjour { $name },

    l’équipe de service a saisi cette adresse comme nouvel identifiant sur { $instance }. Veuillez la confirmer en ouvrant ce lien dans les { $hours } heures :

    { $link }

    D’ici là, vous vous connectez toujours avec votre adresse précédente. Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail.
mail-email-change-notice-subject = Votre adresse e-mail sur { $instance } va changer
mail-email-change-notice-body =
    Bonjour { $name },

    { $team } a été prié de changer votre identifiant sur { $instance } en { $email }. Le changement prend effet quand cette adresse le confirme.

    Si vous n’êtes pas à l’origine de cette demande, contactez-nous sans attendre : { $contact }

service-sessions-heading = Sessions
service-sessions-hint = Fermer une session déconnecte la personne de ce navigateur ; elle peut se reconnecter.
service-sessions-end = Fermer la session
service-sessions-end-all = Fermer toutes les sessions
service-saved-session-ended = La session a été fermée.
service-saved-sessions-ended = Toutes les sessions de la personne ont été fermées.
service-two-factor = Connexion en deux étapes
service-two-factor-on = Activée depuis le { $date }
service-two-factor-off = Désactivée
service-two-factor-reason = Motif de la réinitialisation de la connexion en deux étapes
service-two-factor-reason-hint = Par exemple, comment la personne a prouvé son identité. Conservé dans le journal d’audit.
service-two-factor-reset = Réinitialiser la connexion en deux étapes
service-two-factor-staff = La connexion en deux étapes d’un membre de l’équipe se réinitialise sur la ligne de commande du serveur (osc staff reset-2fa).
service-saved-two-factor-reset = La connexion en deux étapes est réinitialisée : la personne se connecte avec son seul mot de passe, toutes ses sessions ont été fermées et elle a été prévenue par e-mail.
service-two-factor-not-on = Cette personne n’a pas de connexion en deux étapes à réinitialiser.
audit-event-two-factor-on = Connexion en deux étapes activée
audit-event-two-factor-off = Connexion en deux étapes désactivée
audit-event-recovery-code-used = Code de secours utilisé
audit-event-recovery-codes-renewed = Codes de secours renouvelés
audit-event-person-erased = Personne effacée
audit-event-data-exported = Données personnelles exportées
audit-event-two-factor-reset = Connexion en deux étapes réinitialisée
service-branding-placeholder = Le nom d’équipe « { $team } » et l’adresse de contact { $contact }, que les clients voient dans chaque pied de page et chaque e-mail, sont provisoires. Définissez-les sous [branding] dans le fichier de configuration (team_name, contact_email) puis redémarrez.
service-backup-heading = Sauvegardes
service-backup-written = Dernière sauvegarde { $when } : { $size }, { $tickets } demandes.
service-backup-failed = La dernière sauvegarde, commencée { $when }, a échoué. `osc status` et le journal du serveur en donnent la raison ; la prochaine tentative suit le calendrier, ou lancez `osc backup`.
service-backup-none = Pas encore de sauvegarde.
service-backup-schedule = Le serveur en fait une toutes les { $hours } heures et garde les { $keep } dernières dans le dossier backups du répertoire de données.
service-backup-off = Les sauvegardes planifiées sont désactivées (backup.every_hours = 0) : lancez `osc backup` vous-même.
service-data-heading = Données personnelles
service-data-export = Exporter ses données
service-data-export-hint = Le même fichier que la personne obtient avec « Télécharger mes données » : compte, installations, demandes avec messages et fichiers, et son historique. Il est conservé 24 heures.
service-saved-export = L'export est en préparation.
service-erase-heading = Effacer cette personne
service-erase-hint = Supprime le compte et remplace son nom, son e-mail, son téléphone et ses adresses dans chaque demande, message et entrée du journal qui les gardent ; les demandes elles-mêmes, les numéros de série et de RMA restent. Ses sessions prennent fin et la recherche ne la trouve plus. C'est irréversible.
service-erase-confirm = Saisissez l'adresse e-mail de la personne pour confirmer
service-erase-submit = Effacer définitivement
service-erase-mismatch = Ce n'est pas l'adresse e-mail de la personne ; rien n'a été effacé.
service-erase-last-admin = Cette personne est le dernier administrateur d'une entreprise qui a encore des membres : nommez d'abord un autre membre administrateur.
service-erase-self = Vous ne pouvez pas effacer votre propre compte.
service-erased = La personne a été effacée ; { $tickets } demandes ne la nomment plus.

service-nav-inbox = Courriels entrants
service-mail-bounced = Renvoyé
audit-event-inbox-retried = Courriel retenu relancé
audit-event-api-token-created = Jeton d’API créé
audit-event-api-token-revoked = Jeton d’API révoqué
audit-event-api-write = Modification par l’API
audit-event-webhook-added = Webhook enregistré
audit-event-webhook-removed = Webhook supprimé
service-inbox-title = Courriels entrants
service-inbox-retried = Le message a été remis en place ; il est relu dans quelques secondes.
service-inbox-gone = Le message n’était plus dans le dossier des messages retenus ; sa ligne a été retirée.
service-inbox-reads = Les réponses et les demandes par courriel sont lues dans le Maildir
service-inbox-reads-imap = Les réponses et les demandes par courriel sont lues par IMAP dans le dossier
service-inbox-works = La boîte est lue sans problème depuis le { $since }.
service-inbox-fails = La boîte ne peut pas être lue depuis le { $since } ; les courriels y attendent et seront lus dès que cela fonctionnera de nouveau. La dernière réponse :
service-inbox-off = Les courriels entrants sont désactivés (mail_in.source = "off").
service-inbox-address = Les clients écrivent à
service-inbox-no-address = Aucune adresse de service n’est définie (mail_in.address) : les réponses aux notifications vont à l’adresse d’expédition et sont rattachées à leur demande par leurs en-têtes.
service-inbox-connect = Raccorder une boîte aux lettres
service-inbox-connect-imap = Une boîte chez un fournisseur : réglez mail_in.source = "imap" avec imap_host, imap_user et imap_password (ou la variable d’environnement OSC_MAIL_IN_IMAP_PASSWORD), et imap_security = "starttls" si le serveur ne parle pas TLS dès le début. Les nouveaux courriels sont lus dans imap_folder dès que le serveur les annonce ; un courriel traité est déplacé dans processed_folder, un courriel retenu dans held_folder, aucun n’est supprimé.
service-inbox-connect-maildir = Un serveur de messagerie sur cette machine : faites livrer Postfix ou OpenSMTPD dans le Maildir (mail_in.source = "maildir"), ou relever n’importe quelle boîte par fetchmail ou getmail.
service-inbox-connect-address = Réglez ensuite mail_in.address sur l’adresse que reçoit cette boîte, et redémarrez le portail.
service-inbox-held = Messages retenus
service-inbox-held-intro = Les messages dont on n’a pu faire ni une demande ni une réponse sont mis de côté, jamais supprimés. « Réessayer » en remet un en place pour qu’il soit relu.
service-inbox-empty = Aucun message n’est retenu.
service-inbox-when = Retenu
service-inbox-from = De
service-inbox-size = Taille
service-inbox-reason = Motif
service-inbox-reason-unreadable = Courriel illisible
service-inbox-reason-too-large = Plus grand que la limite
service-inbox-reason-too-many = Trop de messages de cet expéditeur cette heure-ci
service-inbox-reason-failed = N’a pas pu être enregistré
service-inbox-download = Télécharger
service-inbox-download-label = Télécharger le message { $file }
service-inbox-retry = Réessayer
service-inbox-retry-label = Réessayer le message { $file }
