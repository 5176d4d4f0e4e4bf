# Mots communs des formulaires
form-has-errors = Veuillez corriger les champs signalés.
select-placeholder = Veuillez choisir
field-choose = Choisissez l’une des possibilités.
field-required = Veuillez remplir ce champ.
field-too-long = C’est trop long.
field-invalid-characters = Ce champ contient des caractères non autorisés.
field-phone-invalid = Indiquez un numéro de téléphone d’au moins 6 chiffres (chiffres, espaces et + ( ) - / . uniquement).
field-email = Adresse e-mail
field-password = Mot de passe
field-password-confirm = Répétez le mot de passe
field-new-password = Nouveau mot de passe
field-current-password = Mot de passe actuel
field-first-name = Prénom
field-last-name = Nom
field-phone = Téléphone
field-language = Langue
field-company-name = Nom de l’entreprise
field-street = Rue et numéro
field-postal-code = Code postal
field-city = Ville
field-country = Pays
field-recipient = Destinataire
field-recipient-hint = Personne ou entreprise telle qu’elle doit figurer sur le colis.
field-security-question = Question de sécurité
field-security-answer = Réponse
email-invalid = Indiquez une adresse e-mail du type nom@exemple.fr.
country-unknown = Choisissez un pays dans la liste.
language-unknown = Choisissez une langue dans la liste.
account-type-unknown = Choisissez l’un des types de compte.
password-hint = Au moins 12 caractères. Plus c’est long, mieux c’est : une phrase de plusieurs mots se retient facilement et se devine difficilement.
password-too-short = Le mot de passe doit comporter au moins 12 caractères.
password-too-long = Le mot de passe peut comporter au plus 128 caractères.
password-is-email = Le mot de passe ne doit pas être votre adresse e-mail.
password-too-weak = Ce mot de passe est trop facile à deviner. Choisissez-en un plus long, par exemple plusieurs mots sans rapport.
password-mismatch = Les deux mots de passe ne sont pas identiques.
security-question-unknown = Choisissez une question dans la liste.
security-answer-hint = Au moins 3 caractères. Majuscules, minuscules et accents sont indifférents.
security-answer-too-short = La réponse doit comporter au moins 3 caractères.
security-answer-wrong = Cette réponse ne correspond pas. Vérifiez l’orthographe et réessayez.
terms-not-accepted = Veuillez accepter les conditions d’utilisation et la politique de confidentialité pour vous inscrire.
current-password-wrong = Ce n’est pas votre mot de passe actuel.
action-edit = Modifier
action-delete = Supprimer
action-cancel = Annuler
logout = Se déconnecter
role-admin = Administrateur
role-member = Collaborateur

# Types de compte
account-type-installer = Installateur (entreprise d’installation)
account-type-operator = Exploitant (propriétaire d’une installation)
account-type-wholesaler = Grossiste (partenaire commercial)

# Questions de sécurité
security-question-first-pet = Quel était le nom de votre premier animal de compagnie ?
security-question-childhood-street = Dans quelle rue habitiez-vous enfant ?
security-question-first-school = Quel était le nom de votre première école ?
security-question-parents-met = Dans quelle ville vos parents se sont-ils rencontrés ?
security-question-first-car = Quelle était la marque de votre première voiture ?
security-question-childhood-friend = Quel est le prénom de votre meilleur ami d’enfance ?
security-question-first-job = Où avez-vous occupé votre premier emploi ?
security-question-favourite-teacher = Quel est le nom de famille de votre enseignant préféré ?

# Inscription
register-title = Inscription gratuite
register-intro = Un compte par personne. Installateurs et grossistes inscrivent leur entreprise ; la première personne qui inscrit une entreprise en devient l’administrateur et invite ses collègues.
register-legend-account = Compte
register-account-type = Je m’inscris en tant que
register-account-type-hint = Installateurs et grossistes inscrivent une entreprise ; les exploitants s’inscrivent à titre personnel.
register-email-hint = C’est votre identifiant. Nous y envoyons un lien de confirmation.
register-legend-person = Personne de contact
register-legend-address = Adresse
register-company-hint = Obligatoire pour les installateurs et les grossistes.
register-legend-security = Question de sécurité
register-security-hint = Si vous oubliez votre mot de passe, vous répondez à cette question pour recevoir un lien permettant d’en définir un nouveau.
register-accept-before = J’accepte les
register-accept-and = et j’ai lu la
register-submit = S’inscrire
register-have-account = Déjà inscrit ?
register-sent-title = Consultez votre messagerie
register-sent-text = Nous avons envoyé un e-mail à l’adresse indiquée. Ouvrez le lien qu’il contient dans les { $hours } heures pour activer votre compte.
register-sent-spam = Pas d’e-mail après quelques minutes ? Regardez dans vos indésirables, ou
company-exists-title = Cette entreprise est déjà inscrite
company-exists-text = { $company } possède déjà un compte sur le portail.
company-exists-next = Demandez à l’administrateur de votre entreprise de vous inviter : nous l’avons informé de votre demande. L’e-mail d’invitation contient un lien pour créer votre accès.

# Confirmation
confirm-done-title = Compte activé
confirm-done-text = Merci : votre adresse e-mail est confirmée et votre compte est actif.
confirm-used-title = Lien déjà utilisé
confirm-used-text = Ce lien de confirmation a déjà été utilisé. Votre compte est actif : vous pouvez vous connecter.
confirm-expired-title = Lien expiré
confirm-expired-text = Ce lien de confirmation est trop ancien. Demandez-en un nouveau : c’est rapide.
confirm-unknown-title = Lien non valable
confirm-unknown-text = Ce lien de confirmation n’est pas valable. Vérifiez que vous l’avez copié en entier, ou demandez-en un nouveau.
confirm-resend-link = demander un nouveau lien de confirmation
confirm-resend-title = Nouveau lien de confirmation
confirm-resend-text = Indiquez l’adresse e-mail utilisée pour l’inscription. Si son compte attend encore la confirmation, nous envoyons un nouveau lien.
confirm-resend-submit = Envoyer un nouveau lien
confirm-resend-sent = Si un compte avec cette adresse attend sa confirmation, un nouveau lien est en route.

# Connexion
login-failed = Adresse e-mail ou mot de passe incorrect.
login-throttled = Trop de tentatives échouées depuis votre connexion. Patientez 15 minutes puis réessayez.
login-unconfirmed = Votre adresse e-mail n’est pas encore confirmée. Ouvrez le lien de l’e-mail que nous vous avons envoyé, ou

# Mot de passe oublié
forgot-title = Mot de passe oublié ?
forgot-intro = Indiquez l’adresse e-mail avec laquelle vous vous connectez. Vous répondez ensuite à votre question de sécurité et recevez un lien pour définir un nouveau mot de passe.
forgot-locked = Pour votre sécurité, votre compte a été verrouillé après { $max } échecs de connexion. Définissez un nouveau mot de passe pour le déverrouiller.
forgot-next = Continuer
forgot-question-intro = Répondez à la question de sécurité de { $email }.
forgot-answer-hint = Majuscules, minuscules et accents sont indifférents.
forgot-send = M’envoyer le lien
forgot-sent-title = Consultez votre messagerie
forgot-sent-text = Nous vous avons envoyé un e-mail avec un lien pour définir un nouveau mot de passe. Il fonctionne une seule fois, pendant { $minutes } minutes.
reset-title = Définir un nouveau mot de passe
reset-submit = Enregistrer le nouveau mot de passe
reset-invalid-title = Ce lien ne fonctionne pas
reset-used-text = Ce lien a déjà été utilisé. Chaque lien ne fonctionne qu’une fois.
reset-expired-text = Ce lien est trop ancien. Demandez-en un nouveau.
reset-unknown-text = Ce lien n’est pas valable. Vérifiez que vous l’avez copié en entier, ou demandez-en un nouveau.
reset-again = Demander un nouveau lien
reset-done-title = Mot de passe modifié
reset-done-text = Votre nouveau mot de passe est enregistré et votre compte est déverrouillé. Vous pouvez vous connecter.

# Mon profil
profile-contact = Coordonnées
profile-email-fixed = Votre adresse e-mail est votre identifiant et ne peut pas être modifiée ici. Pour la changer,
profile-email-contact = contactez-nous
profile-company = Entreprise
profile-language-hint = Les pages et les e-mails utilisent cette langue.
profile-info-requests = Demandes d’information
profile-info-hint = Choisissez ce que vous souhaitez recevoir par e-mail.
profile-info-since = depuis le
info-topic-product-news = Nouveautés produits et mises à jour de firmware
info-topic-service-notices = Avis de service concernant mes appareils
info-topic-training = Formations et webinaires pour installateurs
profile-save = Enregistrer
profile-addresses = Adresses de livraison
profile-addresses-hint = Les appareils de remplacement sont envoyés à l’une de ces adresses.
profile-addresses-empty = Aucune adresse de livraison pour l’instant.
address-default = Par défaut
address-make-default = Utiliser comme adresse par défaut
address-add = Ajouter une adresse
address-edit = Modifier l’adresse de livraison
address-delete-title = Supprimer cette adresse de livraison ?
address-delete-text = Cette adresse ne sera plus proposée pour les appareils de remplacement. Les demandes déjà envoyées la conservent.
profile-legal = Documents juridiques
legal-privacy-download = Télécharger la politique de confidentialité
legal-terms-download = Télécharger les conditions d’utilisation
saved-profile = Vos coordonnées ont été enregistrées.
saved-address = L’adresse de livraison a été enregistrée.
saved-address-deleted = L’adresse de livraison a été supprimée.
saved-password = Votre mot de passe a été modifié. Vos autres sessions ont été fermées.
saved-question = Votre question de sécurité a été modifiée.

# Mes données d’accès
access-password = Modifier le mot de passe
access-password-hint = Vous restez connecté ici ; toutes les autres sessions sont fermées.
access-password-submit = Modifier le mot de passe
access-question = Question de sécurité
access-question-submit = Enregistrer la question de sécurité

# E-mails
mail-signature = { $team } · { $instance }
mail-confirm-subject = Confirmez votre inscription sur { $instance }
mail-confirm-body =
    Bonjour { $name },

    merci pour votre inscription sur { $instance }. Veuillez confirmer votre adresse e-mail en ouvrant ce lien dans les { $hours } heures :

    { $link }

    Si vous ne vous êtes pas inscrit, ignorez cet e-mail : rien ne se passe sans confirmation.
mail-already-registered-subject = Tentative d’inscription avec votre adresse e-mail
mail-already-registered-body =
    Bonjour { $name },

    quelqu’un a tenté de s’inscrire sur { $instance } avec votre adresse e-mail, qui possède déjà un compte. Si c’était vous, connectez-vous simplement :

    { $login }

    Mot de passe oublié ? Définissez-en un nouveau ici : { $forgot }

    Si ce n’était pas vous, vous n’avez rien à faire.
mail-company-exists-subject = { $requester } demande à rejoindre { $company }
mail-company-exists-body =
    Bonjour { $name },

    { $requester } ({ $email }) a tenté d’inscrire { $company } sur { $instance }. L’entreprise possède déjà un compte, dont vous êtes administrateur.

    Si cette personne travaille avec vous, invitez-la comme collaborateur : { $members }
mail-reset-subject = Définir un nouveau mot de passe pour { $instance }
mail-reset-body =
    Bonjour { $name },

    ouvrez ce lien dans les { $minutes } minutes pour définir un nouveau mot de passe. Il ne fonctionne qu’une fois.

    { $link }

    Si vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe reste inchangé.
mail-password-changed-subject = Votre mot de passe sur { $instance } a été modifié
mail-password-changed-body =
    Bonjour { $name },

    le mot de passe de votre compte sur { $instance } vient d’être modifié et vos autres sessions ont été fermées.

    Si ce n’était pas vous, définissez immédiatement un nouveau mot de passe : { $forgot }
    et prévenez-nous à { $contact }.

# Sessions (Mes données d’accès, et la page d’une personne au service)
sessions-heading = Sessions
sessions-hint = Chaque navigateur connecté à votre compte. Déconnectez ceux que vous ne reconnaissez pas, et changez votre mot de passe.
sessions-browser = Navigateur
sessions-browser-on = { $browser } sous { $system }
sessions-unknown-browser = Navigateur inconnu
sessions-address = Adresse
sessions-started = Connexion
sessions-last-seen = Dernière activité
sessions-actions = Actions
sessions-this = Cette session
sessions-end = Déconnecter
sessions-end-label = Déconnecter { $browser }, dernière activité { $when }
sessions-end-others = Se déconnecter partout ailleurs
sessions-none = Aucune session ouverte.
saved-session-ended = Cette session a été déconnectée.
saved-sessions-ended = Toutes les autres sessions ont été déconnectées.

# Connexion en deux étapes (Mes données d’accès, deuxième étape de la connexion)
two-factor-title = Connexion en deux étapes
two-factor-required-notice = L’équipe de service se connecte en deux étapes. Configurez la connexion en deux étapes maintenant : rien d’autre ne s’ouvre avant.
two-factor-off-summary = La connexion ne demande que votre mot de passe. Avec la connexion en deux étapes, elle demande aussi un code d’une application sur votre téléphone : un mot de passe volé ne suffit plus à ouvrir votre compte.
two-factor-set-up = Configurer la connexion en deux étapes
two-factor-manage = Gérer la connexion en deux étapes
two-factor-off-heading = Configurer la connexion en deux étapes
two-factor-intro = Après votre mot de passe, la connexion demandera un code à six chiffres qu’une application d’authentification affiche sur votre téléphone et change toutes les 30 secondes.
two-factor-apps = Toute application d’authentification convient, par exemple FreeOTP, Aegis, Google Authenticator ou Microsoft Authenticator. L’application n’a besoin d’aucune connexion à ce portail.
two-factor-password-first = Votre mot de passe actuel, pour confirmer que c’est bien vous.
two-factor-start = Continuer
two-factor-setup-heading = Relier votre application d’authentification
two-factor-step-scan = Dans l’application, ajoutez un compte et scannez ce code QR.
two-factor-qr-label = Code QR pour l’application d’authentification
two-factor-step-type = Impossible de scanner ? Saisissez plutôt cette clé dans l’application (basée sur le temps, 6 chiffres, 30 secondes) :
two-factor-key = Clé
two-factor-key-hint = Gardez la clé pour vous : qui la possède peut produire vos codes.
two-factor-code = Code de l’application
two-factor-code-hint = Les six chiffres que l’application affiche maintenant.
two-factor-confirm = Activer la connexion en deux étapes
two-factor-codes-heading = Vos codes de secours
two-factor-now-on = La connexion en deux étapes est activée. Vos autres sessions ont été déconnectées.
two-factor-codes-intro = Si vous perdez votre téléphone, connectez-vous avec l’un de ces codes au lieu d’un code de l’application. Chaque code ne sert qu’une fois.
two-factor-codes-once = Ils ne sont affichés que maintenant. Imprimez-les ou gardez-les dans un gestionnaire de mots de passe, loin de votre téléphone.
two-factor-codes-saved = J’ai conservé mes codes de secours
saved-two-factor-on = La connexion en deux étapes est activée.
two-factor-on-heading = La connexion en deux étapes est activée
two-factor-on-since = La connexion demande un code de votre application d’authentification depuis le { $date }.
two-factor-recovery-left = { $count ->
    [0] Plus aucun code de secours : créez-en de nouveaux.
    [one] Il reste un code de secours inutilisé.
   *[other] Il reste { $count } codes de secours inutilisés.
}
two-factor-renew-heading = Nouveaux codes de secours
two-factor-renew-hint = Crée dix nouveaux codes ; les anciens cessent aussitôt de fonctionner.
two-factor-renew = Créer de nouveaux codes de secours
two-factor-turn-off-heading = Désactiver la connexion en deux étapes
two-factor-turn-off-hint = La connexion ne demandera plus que votre mot de passe. Vos autres sessions sont déconnectées.
two-factor-code-or-recovery = Code de l’application ou code de secours
two-factor-turn-off = Désactiver la connexion en deux étapes
two-factor-required-staff = Sur cette instance, les comptes de l’équipe de service doivent se connecter en deux étapes ; ce n’est pas désactivable.
saved-two-factor-off = La connexion en deux étapes est désactivée. Vos autres sessions ont été déconnectées.
two-factor-already-on = La connexion en deux étapes est déjà activée.
two-factor-setup-gone = Cette configuration n’attend plus de code. Recommencez.
two-factor-code-missing = Saisissez le code.
two-factor-code-wrong = Ce code n’est pas bon ou a déjà servi. Saisissez le code que l’application affiche maintenant.
two-factor-code-malformed = Saisissez les six chiffres de l’application, ou un code de secours comme abcd-efgh-jkmn-pqrs.
two-factor-not-on = La connexion en deux étapes n’est pas activée.
login-code-heading = Deuxième étape
login-code-intro = Votre mot de passe est correct. Saisissez maintenant le code qu’affiche votre application d’authentification.
login-code-hint = Téléphone perdu ? Saisissez plutôt l’un de vos codes de secours.
login-code-submit = Se connecter
login-code-restart = Recommencer
login-code-gone = Le délai de la deuxième étape est écoulé. Connectez-vous de nouveau.
mail-two-factor-on-subject = La connexion en deux étapes est activée pour votre compte sur { $instance }
mail-two-factor-on-body =
    Bonjour { $name },

    la connexion en deux étapes vient d’être activée pour votre compte sur { $instance } : après le mot de passe, la connexion demande désormais un code de votre application d’authentification. Vos autres sessions ont été fermées.

    Si ce n’était pas vous, définissez aussitôt un nouveau mot de passe : { $forgot }
    et prévenez-nous à { $contact }.
mail-two-factor-off-subject = La connexion en deux étapes est désactivée pour votre compte sur { $instance }
mail-two-factor-off-body =
    Bonjour { $name },

    la connexion en deux étapes vient d’être désactivée pour votre compte sur { $instance } : la connexion ne demande plus que le mot de passe. Vos autres sessions ont été fermées.

    Si ce n’était pas vous, définissez aussitôt un nouveau mot de passe : { $forgot }
    réactivez la connexion en deux étapes : { $access }
    et prévenez-nous à { $contact }.
mail-two-factor-reset-subject = Votre connexion en deux étapes sur { $instance } a été réinitialisée
mail-two-factor-reset-body =
    Bonjour { $name },

    l’équipe de service a réinitialisé la connexion en deux étapes de votre compte sur { $instance } : la connexion ne demande plus que votre mot de passe, et toutes les sessions ont été fermées.

    Réactivez-la avec votre application d’authentification : { $access }

    Si vous ne l’avez pas demandé, prévenez-nous aussitôt à { $contact }.
mail-recovery-code-used-subject = Un code de secours a servi à se connecter à { $instance }
mail-recovery-code-used-body =
    Bonjour { $name },

    quelqu’un vient de se connecter à votre compte sur { $instance } avec l’un de vos codes de secours. Codes de secours restants : { $left }.

    Si c’était vous, créez de nouveaux codes quand il en reste peu : { $access }
    Sinon, définissez aussitôt un nouveau mot de passe : { $forgot }
    et prévenez-nous à { $contact }.

# Le premier démarrage (aucun compte de l’équipe de service)
first-run-not-set-up = Ce portail n’est pas encore configuré.
first-run-not-set-up-detail = Son équipe de service n’a pas encore de compte : les demandes ne pourraient pas être lues et ne sont donc pas acceptées. Si vous exploitez cette instance : ouvrez le lien de configuration écrit dans le journal du serveur, ou lancez osc staff add.
first-run-closed-title = Pas encore de demandes
first-run-back = Retour à la page d’accueil
first-run-title = Configurer ce portail
first-run-intro = Créez le premier compte de l’équipe de service. Il se connecte ensuite au service client, où il configure la connexion en deux étapes ; les autres comptes de l’équipe se créent avec osc staff add.
first-run-name = Nom complet
first-run-name-hint = Prénom et nom, par exemple Sam Service.
first-run-submit = Créer le compte de l’équipe de service
first-run-done-title = Le portail est configuré
first-run-done = Le compte { $email } de l’équipe de service est prêt. Connectez-vous pour configurer sa connexion en deux étapes et ouvrir le service client.
first-run-set-up-already = Ce portail est déjà configuré : son équipe de service a un compte. Connectez-vous, ou demandez à un collègue de vous ajouter avec osc staff add.
first-run-link-invalid = Ce lien de configuration ne fonctionne pas (plus). Tant qu’aucun compte de l’équipe de service n’existe, chaque démarrage du serveur en écrit un nouveau dans son journal.
setup-name-two-words = Saisissez le prénom et le nom.
setup-email-taken = Cette adresse e-mail a déjà un compte. Utilisez-en une autre pour l’équipe de service.
login-email-missing = Saisissez votre adresse e-mail.
login-password-missing = Saisissez votre mot de passe.
postal-code-4-digits = Saisissez le code postal en 4 chiffres, par exemple 8010.
postal-code-5-digits = Saisissez le code postal en 5 chiffres, par exemple 34266.
postal-code-cz = Saisissez le code postal en 5 chiffres, par exemple 110 00.
postal-code-nl = Saisissez le code postal en 4 chiffres et 2 lettres, par exemple 1234 AB.
postal-code-pl = Saisissez le code postal en 5 chiffres, par exemple 00-950.
postal-code-pt = Saisissez le code postal en 7 chiffres, par exemple 1000-001.
postal-code-gb = Saisissez un code postal britannique, par exemple SW1A 1AA.
data-title = Télécharger mes données
data-intro = Un fichier (zip) avec votre compte, vos adresses, les installations que vous exploitez avec leurs appareils, vos demandes avec leurs messages et fichiers joints, et l'historique de votre compte. Il est préparé en arrière-plan et conservé 24 heures ; vous seul pouvez le télécharger.
data-prepare = Préparer mes données
data-progress-label = Avancement
data-running = Préparation du fichier : { $done } demandes écrites sur { $total }.
data-running-hint = Cette page se recharge d'elle-même jusqu'à ce que le fichier soit prêt.
data-reload = Recharger pour voir s’il est prêt
data-ready = Le fichier est prêt ({ $size }). Il peut être téléchargé jusqu'au { $until }.
data-download = Télécharger le fichier
data-again = Le préparer à nouveau
data-failed = La préparation du fichier a échoué. Veuillez réessayer ; si l'échec se répète, contactez { $team }.

# Jetons d’accès à l’API (Mes données d’accès)
api-tokens-title = Jetons d’accès à l’API
api-tokens-intro = Un jeton permet à un programme, par exemple votre ERP ou la supervision de vos installations, d’utiliser l’API du portail en votre nom : il voit et fait ce que vous voyez et faites ici, dans les limites des droits que vous lui donnez.
api-tokens-summary = { $count ->
    [0] Vous n’avez aucun jeton d’accès à l’API.
    [one] Vous avez un jeton d’accès à l’API.
   *[other] Vous avez { $count } jetons d’accès à l’API.
}
api-tokens-manage = Gérer les jetons d’accès à l’API
api-tokens-yours = Vos jetons
api-tokens-none = Aucun jeton pour l’instant.
api-token-name = Nom
api-token-name-hint = À quoi sert le jeton, par ex. « ERP » ou « Supervision ».
api-token-scopes = Droits
api-token-scope-read = Lecture
api-token-scope-read-hint = voir les demandes, installations et appareils
api-token-scope-write = Écriture
api-token-scope-write-hint = déposer des demandes, ajouter des messages, enregistrer des appareils
api-token-company-wide = Pour toute l’entreprise
api-token-company-wide-hint = voit les demandes et installations de votre entreprise, comme vous en tant qu’administrateur ; sinon seulement les vôtres
api-token-company-wide-badge = toute l’entreprise
api-token-lifetime = Valable
api-token-lifetime-90 = 90 jours
api-token-lifetime-30 = 30 jours
api-token-lifetime-365 = un an
api-token-lifetime-never = jusqu’à révocation
api-token-created = Créé le
api-token-expires = Expire le
api-token-expired = expiré
api-token-never-expires = jamais
api-token-last-used = Dernière utilisation
api-token-never-used = jamais
api-token-revoke = Révoquer
api-token-revoke-label = Révoquer le jeton { $name }
api-token-new = Nouveau jeton
api-token-create = Créer le jeton
api-token-made-title = Votre nouveau jeton
api-token-made = Le jeton a été créé.
api-token-once = Copiez-le maintenant : il n’est affiché que cette fois. S’il est perdu, révoquez-le et créez-en un autre.
api-token-secret = Jeton
api-token-use = Les programmes l’envoient avec chaque requête dans cet en-tête :
api-token-done = Je l’ai copié
api-token-no-scope = Choisissez au moins un droit.
api-token-company-wide-admins = Seuls les administrateurs d’une entreprise peuvent créer des jetons pour toute l’entreprise.
api-token-too-many = Vous avez le nombre maximal de jetons (20). Révoquez d’abord un jeton que vous n’utilisez plus.
saved-api-token-revoked = Le jeton a été révoqué : il ne fonctionne plus.
