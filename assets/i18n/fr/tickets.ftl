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
ticket-open-plant = Ouvrir l’installation
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
search-hint = Numéro de série, nom du client, numéro ou mots
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
