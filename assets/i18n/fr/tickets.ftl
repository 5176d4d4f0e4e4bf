# Tickets de service
contact-title = Contacter l’équipe de service
contact-intro = Posez-nous toute question sur le portail, vos installations ou vos appareils. Vous recevez la réponse par e-mail ; les utilisateurs connectés retrouvent aussi la demande dans le suivi des tickets.
contact-serial-reminder = Les demandes techniques nécessitent le numéro de série de l’appareil concerné : il figure sur la plaque signalétique.
contact-name = Votre nom
contact-email-hint = Nous y envoyons la confirmation et nos réponses.
contact-topic = Sujet
contact-serial-hint = Obligatoire pour les demandes techniques : 6 à 10 chiffres de la plaque signalétique.
contact-message = Votre message
contact-submit = Envoyer la demande
contact-sent-title = Demande reçue
contact-sent-text = Merci. Votre demande porte le numéro { $number } ; une confirmation est en route vers votre messagerie. Indiquez ce numéro si vous nous écrivez à nouveau.
topic-general = Question générale
topic-technical = Question technique sur un appareil
topic-login = Inscription et connexion
topic-account = Compte et changement d’e-mail
topic-other = Autre chose
ticket-topic-unknown = Choisissez un sujet dans la liste.
ticket-serial-required = Les demandes techniques nécessitent le numéro de série de l’appareil.
tickets-new = Nouvelle demande
tickets-window = Demandes des { $days } derniers jours, et toutes celles encore ouvertes.
tickets-empty = Aucune demande pour l’instant. Posez votre question à l’équipe de service — la réponse apparaît ici.
ticket-number = Numéro
ticket-subject = Objet
ticket-kind = Type
ticket-status = Statut
ticket-updated = Dernière mise à jour
ticket-created = Reçue le
ticket-requester = Demandée par
ticket-title = Demande { $number }
ticket-thread = Messages
ticket-history = Avancement
ticket-reply = Ajouter un message
ticket-reply-submit = Envoyer
ticket-saved-created = Votre demande { $number } a été reçue.
ticket-saved-message = Votre message a été ajouté.
ticket-kind-contact = Demande de contact
ticket-kind-replacement = Remplacement d’appareil
ticket-kind-warranty = Extension de garantie
ticket-kind-info-sheet = Fiche d’information
status-new = Nouvelle
status-submitted = Envoyée
status-in-progress = En cours
status-in-review = En examen
status-waiting = En attente de votre réponse
status-waiting-customer = En attente du client
status-approved = Approuvée
status-rejected = Refusée
status-shipped = Remplacement expédié
status-awaiting-return = En attente de l’appareil défectueux
status-closed = Clôturée
plant-tickets-empty = Aucune demande concernant cette installation.
plants-col-open-tickets = Demandes ouvertes
mail-ticket-created-subject = Demande { $number } reçue : { $subject }
mail-ticket-created-body =
    Bonjour { $name },

    nous avons bien reçu votre demande { $number } (« { $subject } ») et y répondrons dès que possible.

    { $link }

    Merci d’indiquer le numéro { $number } si vous nous écrivez à nouveau.
mail-ticket-received-subject = Demande { $number } reçue
mail-ticket-received-body =
    Bonjour { $name },

    nous avons bien reçu votre demande { $number } (« { $subject } ») et y répondrons dès que possible.

    Merci d’indiquer le numéro { $number } si vous nous écrivez à nouveau.
info-title = Fiche d’information
info-intro = Les systèmes SMA Smart Home et les systèmes en site isolé (Sunny Island, Sunny Backup, Multicluster Box) ne peuvent pas être enregistrés sur le portail. Envoyez-nous plutôt leur fiche d’information : l’équipe de service enregistre le système et vous répond.
info-system = Système
info-system-smart-home = Système SMA Smart Home
info-system-off-grid = Système en site isolé (Sunny Island, Sunny Backup, Multicluster Box)
info-system-unknown = Choisissez un système dans la liste.
info-serials = Numéros de série
info-serials-hint = Les numéros de série des appareils du système, un par ligne.
info-site = Site
info-site-hint = Adresse du site où le système est installé.
info-submit = Envoyer la fiche d’information
info-subject = Fiche d’information : { $system }
warranty-extension-request = Commander une extension
extension-title = Extension de garantie
extension-intro = La garantie constructeur de cet onduleur court jusqu’au { $until }. Choisissez l’extension souhaitée ; l’équipe de service vous répond avec l’offre pour cet appareil.
extension-term-label = Extension
extension-term = { $years } ans de plus
extension-term-unknown = Choisissez l’une des extensions proposées.
extension-submit = Demander l’extension
extension-subject = Extension de garantie +{ $years } ans pour { $serial }
extension-factory-end = Garantie constructeur jusqu’au
search-label = Rechercher des demandes
search-hint = N° de série, nom, numéro, mots
search-submit = Rechercher
search-clear = Tout afficher
search-results = { $count ->
    [one] Une demande correspond à « { $query } »
   *[other] { $count } demandes correspondent à « { $query } »
}
search-matched-serial = trouvée(s) par numéro de série
search-matched-number = trouvée(s) par numéro de demande
search-matched-words = trouvée(s) par nom du client et mots
filter-all = Toutes
filter-open = Ouvertes
filter-closed = Clôturées
replacement-new = Demander un appareil de remplacement
tickets-none-here = Aucune demande de cette page ne correspond à ces filtres.
ticket-saved-note = Votre note interne a été ajoutée ; le client ne la voit pas.
ticket-saved-status = La demande est maintenant « { $status } » ; le demandeur a été prévenu par e-mail.
ticket-internal-note = Note interne
ticket-internal-checkbox = Note interne : seule l’équipe de service la voit, personne ne reçoit d’e-mail
ticket-files = Joindre des fichiers
ticket-files-hint = Jusqu’à { $count } fichiers, PDF, images ou documents bureautiques, { $mb } Mo au plus chacun.
ticket-move = Faire avancer la demande
ticket-move-none = Cette demande est terminée : aucun autre état.
ticket-move-to = Nouvel état
ticket-move-mail = Le demandeur est prévenu par e-mail dans sa langue.
ticket-move-submit = Changer l’état
ticket-transition-refused = Cet état ne peut pas suivre l’état actuel. Choisissez-en un dans la liste.
ticket-new-serial-same = L’appareil de remplacement a son propre numéro de série, pas celui de l’appareil défectueux.
upload-too-many = Joignez au plus cinq fichiers à un message.
upload-choose-again = Veuillez choisir de nouveau le fichier : pour votre sécurité, les navigateurs ne le gardent pas quand un formulaire revient.
replacement-title = Demande de remplacement d’appareil
replacement-intro = Un appareil est tombé en panne et doit être remplacé. Dites-nous lequel, ce qu’il affiche et où envoyer le remplacement ; l’équipe de service examine la demande et vous informe de chaque étape par e-mail.
replacement-section-device = L’appareil défectueux
replacement-device = Appareil
replacement-device-hint = Les appareils enregistrés dans vos installations. Absent de la liste ? Choisissez « Un autre appareil » et saisissez son numéro de série.
replacement-device-other = Un autre appareil (saisir son numéro de série ci-dessous)
replacement-serial-hint = Seulement pour un appareil absent de la liste : 6 à 10 chiffres de la plaque signalétique.
replacement-device-unknown = Choisissez un appareil dans la liste.
replacement-device-required = Choisissez l’appareil dans la liste ou saisissez son numéro de série.
replacement-section-failure = Ce qui s’est passé
replacement-event = Numéro d’événement ou message d’erreur
replacement-event-hint = Exactement comme l’écran de l’appareil ou le monitoring l’affiche, p. ex. « Événement 3501 » ou « Défaut d’isolement ».
replacement-failure-date = Date de la panne
replacement-description = Description
replacement-description-hint = Ce qui s’est passé avant et depuis la panne, ce que vous avez déjà essayé.
replacement-role = Pour l’installation, vous êtes
replacement-requester-role = Rôle du demandeur pour l’installation
replacement-role-owner = Propriétaire
replacement-role-installer = Installateur
replacement-delivery = Livraison du remplacement
replacement-address = Adresse de livraison
replacement-address-hint = Parmi vos adresses de livraison de « Mon profil ».
replacement-address-new = Une nouvelle adresse (à saisir ci-dessous)
replacement-address-first = Où envoyer l’appareil de remplacement ?
replacement-address-new-summary = L’envoyer à une nouvelle adresse
replacement-product-hint = Seulement pour un appareil absent de la liste : tapez une partie du code modèle ou du nom (p. ex. « STP 10 ») et choisissez dans la liste.
replacement-address-new-hint = Pour l’envoyer ailleurs, saisissez ici une nouvelle adresse ; elle remplace celle choisie ci-dessus.
replacement-address-unknown = Choisissez une de vos adresses de livraison.
replacement-save-address = Garder aussi cette adresse dans « Mon profil »
replacement-onsite = Contact sur place
replacement-onsite-name = Contact sur place : nom
replacement-onsite-phone = Contact sur place : téléphone
replacement-section-proof = Preuve d’achat et confirmations
replacement-proof = Preuve d’achat
replacement-proof-hint = Une facture ou un certificat de garantie portant le numéro de série : PDF ou image, { $mb } Mo au plus.
replacement-proof-required = Joignez la preuve d’achat : une facture ou un certificat de garantie portant le numéro de série.
replacement-confirm-pickup = L’appareil défectueux sera prêt à être enlevé dans les 5 jours ouvrés suivant l’arrivée du remplacement.
replacement-confirm-accessories = Je sais que le remplacement est livré sans accessoires (écran, support mural, connecteurs).
replacement-confirm-pickup-required = Veuillez confirmer que l’appareil défectueux sera prêt à être enlevé.
replacement-confirm-accessories-required = Veuillez confirmer que vous savez que le remplacement est livré sans accessoires.
replacement-submit = Envoyer la demande de remplacement
replacement-subject = Remplacement de { $serial } : { $event }
replacement-details = Demande de remplacement
replacement-rma = Numéro RMA
replacement-rma-hint = Nécessaire pour approuver un remplacement.
replacement-tracking = Numéro de suivi
replacement-tracking-hint = Nécessaire à l’expédition du remplacement.
replacement-new-serial = Numéro de série du remplacement
replacement-new-serial-hint = Nécessaire à l’expédition ; la fiche de l’appareil le reprend et garde l’ancien.
replacement-awaiting-return = L’appareil défectueux doit être enlevé dans les 5 jours ouvrés suivant l’arrivée du remplacement.
mail-ticket-answered-subject = Réponse à votre demande { $number }
mail-ticket-answered-body =
    Bonjour { $name },

    l’équipe de service a répondu à votre demande { $number } (« { $subject } ») :

    { $text }

    { $link }

    Merci d’indiquer le numéro { $number } si vous nous écrivez de nouveau.
mail-ticket-status-subject = Votre demande { $number } : { $status }
mail-ticket-status-body =
    Bonjour { $name },

    votre demande { $number } (« { $subject } ») est maintenant : { $status }.

    { $detail }

    { $link }
mail-ticket-status-approved = Le remplacement est approuvé. Son numéro RMA est { $rma } : veuillez l’inscrire sur l’emballage de l’appareil défectueux.
mail-ticket-status-shipped = L’appareil de remplacement (numéro de série { $serial }) est en route ; le numéro de suivi du transporteur est { $tracking }. Il est livré sans accessoires.
mail-ticket-status-return = Veuillez tenir l’appareil défectueux prêt à être enlevé dans les 5 jours ouvrés.
mail-ticket-status-waiting = L’équipe de service attend une réponse de votre part : ouvrez la demande et répondez.

inbox-file-refused = Pièce jointe refusée : { $name } ({ $reason })
inbox-original-file = message-original.txt
inbox-refers-to = Au sujet de la demande { $number }
