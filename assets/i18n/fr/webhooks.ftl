## Webhooks (/webhooks)

nav-webhooks = Webhooks
webhooks-title = Webhooks
webhooks-intro-company = Un webhook prévient un autre système (votre ERP, votre messagerie, votre supervision) dès qu’il arrive quelque chose aux demandes ou aux installations de votre entreprise : le portail envoie un message JSON signé à l’adresse que vous indiquez.
webhooks-intro-staff = Un webhook prévient un autre système (la messagerie de l’équipe, un outil de tickets) dès qu’il arrive quelque chose à une demande ou une installation, notes internes comprises : le portail envoie un message JSON signé à l’adresse que vous indiquez.
webhooks-manage = Gérer les webhooks
webhooks-how = Comment vérifier la signature
webhooks-yours = Points de terminaison
webhooks-none = Aucun point de terminaison enregistré.
webhook-url = Adresse (URL)
webhook-url-hint = Une adresse http ou https, par exemple https://erp.example.com/hooks/osc. Les adresses de votre propre réseau sont refusées, sauf si l’administrateur du portail les a autorisées.
webhook-events = Événements
webhook-state = État
webhook-created = Enregistré
webhook-new = Enregistrer un point de terminaison
webhook-create = Enregistrer
webhook-state-active = Actif
webhook-state-failing = En échec
webhook-state-paused = En pause
webhook-event-request-created = une demande de service a été déposée
webhook-event-request-state-changed = une demande a changé d’état
webhook-event-request-message-added = un message a été ajouté à une demande
webhook-event-plant-created = une installation a été enregistrée
webhook-event-device-registered = un appareil a été enregistré dans une installation
webhook-event-device-swapped = un appareil de remplacement a pris la place d’un appareil
webhook-events-none = Choisissez au moins un événement.
webhook-url-too-long = L’adresse peut compter au plus 500 caractères.
webhook-url-not-http = Saisissez une adresse http ou https complète, par exemple https://erp.example.com/hooks.
webhook-url-credentials = N’incluez ni nom d’utilisateur ni mot de passe dans l’adresse ; vérifiez plutôt la signature.
webhook-url-internal = Cette adresse se trouve dans un réseau privé ou local, que les webhooks ne peuvent pas atteindre. L’administrateur du portail peut l’autoriser (webhooks.allow).
webhook-url-unknown-host = Le nom d’hôte de cette adresse est inconnu. Vérifiez son orthographe.
webhook-too-many = Il y a déjà 20 points de terminaison. Supprimez-en un d’abord.
webhook-title = Point de terminaison webhook
saved-webhook = Le point de terminaison a été enregistré.
saved-webhook-created = Le point de terminaison a été enregistré. Vérifiez avec le secret de signature ci-dessous que les envois viennent du portail.
saved-webhook-resent = L’envoi sera refait dans un instant.
saved-webhook-paused = Le point de terminaison est en pause. Rien ne lui est envoyé tant que vous ne le reprenez pas.
saved-webhook-resumed = Le point de terminaison a repris. Ce qui attendait est envoyé.
saved-webhook-deleted = Le point de terminaison a été supprimé.
webhook-paused-since = En pause depuis
webhook-failing-since = Les envois échouent depuis
webhook-resume = Reprendre
webhook-secret = Secret de signature
webhook-secret-intro = Chaque envoi porte l’en-tête OSC-Signature : t=<heure>,v1=<HMAC-SHA256 de « <heure>.<contenu> » avec ce secret, en hexadécimal>. Comparez-le à votre propre calcul et refusez les heures anciennes.
webhook-deliveries = Envois récents
webhook-deliveries-none = Rien n’a encore été envoyé.
webhook-delivery-event = Événement
webhook-delivery-at = Survenu
webhook-delivery-state = État
webhook-delivery-answer = Réponse
webhook-delivery-time = Durée
webhook-delivery-attempts = Tentatives
webhook-delivery-delivered = Remis
webhook-delivery-pending = En attente
webhook-delivery-next = prochaine tentative
webhook-delivery-held = Retenu (en pause)
webhook-delivery-failed = Non remis
webhook-failure-refused = Adresse refusée
webhook-failure-unknown-host = Hôte inconnu
webhook-failure-connection = Pas de connexion
webhook-failure-timeout = Pas de réponse à temps
webhook-failure-redirect = Redirection (non suivie)
webhook-resend = Renvoyer
webhook-resend-label = Renvoyer l’envoi { $id }
webhook-settings = Paramètres
webhook-stop = Mettre en pause ou supprimer
webhook-pause = Mettre en pause
webhook-delete = Supprimer le point de terminaison

mail-webhook-paused-subject = Webhook mis en pause sur { $instance }
mail-webhook-paused-body =
    Bonjour { $name },

    les envois vers votre point de terminaison webhook { $url } échouent depuis { $since } ; le portail l’a donc mis en pause. Rien ne lui est envoyé tant que vous ne le reprenez pas ; ce qui se passe entre-temps attend et sera envoyé à la reprise.

    Vérifiez le point de terminaison et reprenez-le ici :
    { $link }

## The webhooks part of the API reference (/help/api#webhooks)
api-ref-webhooks-intro = Les administrateurs d’une entreprise (pour ses demandes et ses installations) et l’équipe de service (pour tout) enregistrent des points de terminaison. Chaque événement est envoyé en JSON à chaque point de terminaison qui l’a choisi, aussitôt et en arrière-plan ; l’ordre des envois n’est pas garanti, utilisez created_at ou lisez la ressource par l’API.
api-ref-webhooks-request = Ce que reçoit un destinataire
api-ref-webhooks-verify = L’en-tête OSC-Signature contient l’heure d’envoi (t) et le HMAC-SHA256 de l’heure, d’un point et du contenu, avec le secret de signature du point de terminaison (v1, en hexadécimal). Recalculez-le sur le contenu brut, comparez en temps constant et refusez les heures à plus de cinq minutes. OSC-Delivery reste le même à chaque nouvelle tentative : il permet d’ignorer un envoi déjà traité.
api-ref-webhooks-retries-heading = Réponses, nouvelles tentatives et pause
api-ref-webhooks-retries = Répondez par un statut 2xx en moins de 10 secondes ; les redirections ne sont pas suivies et seuls les 64 premiers Kio d’une réponse sont lus. Un envoi qui échoue est retenté après 30 secondes, puis après un délai deux fois plus long à chaque fois, au moins toutes les heures. Un point de terminaison en échec depuis un jour est mis en pause et son propriétaire prévenu par e-mail ; ce qui arrive pendant la pause attend et est envoyé à la reprise. Les envois remis restent 30 jours sur la page du point de terminaison.
