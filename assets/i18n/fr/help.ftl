# « FAQ & support » (/help).

help-title = FAQ & support
help-intro = Les réponses aux questions les plus fréquentes sur ce portail. Chaque réponse mène à la page dont elle parle.
help-search-label = Chercher dans les questions
help-search-hint = p. ex. verrouillé, garantie, numéro de série
help-results = { $count ->
    [one] 1 question correspond à « { $query } »
   *[other] { $count } questions correspondent à « { $query } »
}
help-none = Aucune question ne correspond. L’équipe de service répondra volontiers à la vôtre.
help-more = Votre question n’y est pas ?
help-link-contact = Écrire à l’équipe de service

help-section-account = Inscription et connexion
help-section-plants = Installations et appareils
help-section-tickets = Demandes et suivi des tickets
help-section-contact = Joindre l’équipe de service

help-q-register = Comment m’inscrire ?
help-a-register = Choisissez « S’inscrire gratuitement » et indiquez qui vous êtes : entreprise d’installation, grossiste ou exploitant d’installation. Nous vous envoyons un e-mail avec un lien de confirmation ; votre compte fonctionne dès que vous l’avez ouvert.

    La première personne qui inscrit une entreprise en devient l’administrateur. Les collègues n’inscrivent pas l’entreprise une seconde fois : l’administrateur les invite.
help-link-register = S’inscrire

help-q-confirm = Je me suis inscrit mais je ne peux pas me connecter.
help-a-confirm = Votre adresse e-mail n’est sans doute pas encore confirmée. Ouvrez le lien de l’e-mail que nous vous avons envoyé (regardez aussi dans les indésirables). Le lien expire au bout d’un moment ; vous pouvez en demander un nouveau à tout moment.
help-link-confirm = Renvoyer l’e-mail de confirmation

help-q-locked = Mon compte est verrouillé après { $attempts } tentatives. Comment y revenir ?
help-a-locked = Après { $attempts } mots de passe erronés d’affilée, le compte se verrouille pour se protéger. Utilisez « Mot de passe oublié ? » : saisissez votre adresse e-mail, répondez à votre question de sécurité, et nous vous envoyons un lien valable peu de temps. Le nouveau mot de passe choisi avec ce lien déverrouille le compte.

    Si vous ne connaissez plus la réponse à votre question de sécurité, écrivez à l’équipe de service : elle peut déverrouiller le compte.
help-link-locked = Mot de passe oublié ?

help-q-blocked = La connexion indique que mon compte est bloqué.
help-a-blocked = L’équipe de service bloque un compte en cas de soupçon de fraude ou d’abus. Un compte bloqué ne peut ni se connecter ni réinitialiser son mot de passe. Écrivez à l’équipe de service ; elle vous expliquera ce qui s’est passé et débloquera le compte une fois l’affaire éclaircie.
help-link-blocked = Contacter l’équipe de service

help-q-roles = Qui voit quoi ?
help-a-roles = L’administrateur d’une entreprise voit tous ses membres, installations, appareils et demandes, invite des collaborateurs, les retire et attribue des installations aux installateurs. Une entreprise a au plus { $admins } administrateurs.

    Un installateur voit les installations qui lui sont attribuées et celles qu’il a créées, ainsi que ses propres demandes. Un exploitant voit ses propres installations et demandes. Les grossistes sont organisés comme les entreprises d’installation. Personne ne voit jamais les données d’une autre entreprise.
help-link-roles = Inviter des collaborateurs

help-q-email = Comment changer mon adresse e-mail ?
help-a-email = Votre adresse e-mail est votre identifiant : vous ne pouvez donc pas la changer vous-même. Demandez-le à l’équipe de service : elle saisit la nouvelle adresse, nous lui envoyons un lien de confirmation, et votre ancienne adresse est prévenue. Mot de passe et question de sécurité se changent vous-même dans « Mes données d’accès ».
help-link-email = Mes données d’accès

help-q-plant-first = Pourquoi créer une installation avant ses appareils ?
help-a-plant-first = Chaque appareil appartient à une installation : son adresse et sa date de mise en service fondent la garantie, les remplacements et les interventions de l’équipe de service. Créez d’abord l’installation (nom, adresse, coordonnées, mise en service), puis enregistrez ses appareils par numéro de série.
help-link-plant-first = Créer une installation

help-q-subplants = Que sont les sous-installations ?
help-a-subplants = Une grande installation peut être divisée en sous-installations, par exemple une par toit ou par bâtiment. Onduleurs et appareils de communication sont alors rattachés à une sous-installation, et la page de l’installation montre l’arborescence installation → sous-installation → appareil.
help-link-subplants = Vue des installations

help-q-documents = Quels documents puis-je conserver avec une installation ?
help-a-documents = Sur la page d’une installation, sous « Documents », vous pouvez déposer des PDF et des images : procès-verbaux de mise en service, schémas, factures comme preuve d’achat. Chaque fichier peut peser jusqu’à { $mb } Mo. Seules les personnes qui peuvent voir l’installation peuvent les télécharger.
help-link-documents = Vue des installations

help-q-warranty = Comment demander une extension de garantie ?
help-a-warranty = Ouvrez la page de l’onduleur : sa ligne de garantie indique la fin de la garantie et si une extension est possible. « Demander une extension de garantie » envoie la demande ; l’équipe de service répond dans votre suivi des tickets. Un appareil de remplacement reprend le reste de la garantie de l’appareil défectueux, au moins un an.
help-link-warranty = Vue des installations

help-q-import = Puis-je reprendre mes installations de Sunny Portal ?
help-a-import = Oui. Exportez vos installations depuis Sunny Portal (CSV, une ligne par appareil, ou le JSON de l’API de monitoring) et déposez le fichier sous « Import depuis Sunny Portal ». Vous voyez d’abord un aperçu : les installations, sous-installations et appareils qui seront créés ou mis à jour, et chaque ligne qui ne peut pas être reprise, avec son numéro et le motif. Rien n’est enregistré avant votre confirmation.

    Importer à nouveau la même installation la met à jour et ajoute ses nouveaux appareils au lieu de la dupliquer.
help-link-import = Import depuis Sunny Portal

help-q-not-registrable = Quels systèmes ne peuvent pas être enregistrés ?
help-a-not-registrable = Les systèmes en site isolé (Sunny Island, Sunny Backup) et les systèmes SMA Smart Home ne peuvent pas être enregistrés dans ce portail. Envoyez-nous plutôt la fiche d’information avec le système et ses numéros de série : l’équipe de service s’en charge.
help-link-not-registrable = La fiche d’information

help-q-replacement = Un appareil est en panne. Comment demander un remplacement ?
help-a-replacement = Utilisez la demande de remplacement d’appareil, accessible aussi depuis la page de l’appareil. Il nous faut le numéro d’événement ou le message d’erreur exact affiché par l’appareil, le jour de la panne, une adresse de livraison, un contact sur place et une preuve d’achat.

    Dès que le remplacement est approuvé et expédié, vous recevez le numéro de suivi. L’appareil défectueux doit être prêt à être enlevé sous 5 jours ouvrés ; les appareils de remplacement sont livrés sans accessoires.
help-link-replacement = Demander un appareil de remplacement

help-q-window = Pourquoi ne vois-je que les demandes des derniers mois ?
help-a-window = Le suivi des tickets montre les demandes mises à jour au cours des { $days } derniers jours, et toute demande ouverte quel que soit son âge. Les demandes plus anciennes et clôturées restent conservées ; l’équipe de service peut les retrouver pour vous.
help-link-window = Suivi des tickets

help-q-search = Comment retrouver une demande ?
help-a-search = Tapez dans le champ de recherche en haut à droite du suivi des tickets : le numéro de série d’un appareil (même un ancien, après un remplacement), un numéro de demande comme 2026-000123 ou le nom d’un client. Une partie du nom suffit, et une petite faute de frappe est pardonnée.
help-link-search = Suivi des tickets

help-q-contact = Comment joindre l’équipe de service ?
help-a-contact = Par le formulaire de contact ; il fonctionne aussi sans compte. Pour toute question technique, indiquez le numéro de série de l’appareil : il figure sur la plaque signalétique et permet à { $team } de répondre tout de suite. Vous recevez un numéro de demande par e-mail ; rappelez-le si vous écrivez à nouveau.

help-q-by-mail = Puis-je écrire à l’équipe de service, ou lui répondre, par e-mail ?
help-a-by-mail = Oui. Répondez à n’importe quel e-mail concernant votre demande : votre réponse et ses pièces jointes (PDF, images, fichiers Office) sont ajoutées à la demande, et une demande qui vous attendait repart chez { $team }. Écrivez au-dessus du texte cité ; il est omis du fil mais conservé avec le message. Un e-mail à l’adresse de service ouvre une nouvelle demande, dont vous recevez le numéro. Seuls vous et les personnes de votre entreprise qui peuvent voir une demande peuvent y écrire par e-mail ; la réponse de quelqu’un d’autre devient une demande à son nom.
help-link-by-mail = Suivi des tickets

# Référence de l’API JSON
api-ref-title = Référence de l’API
api-ref-intro = Les programmes utilisent le portail par son API JSON avec un jeton d’accès personnel. Chaque opération ci-dessous, avec ses paramètres, son contenu et ses réponses, est tirée de la description de l’API elle-même (en anglais).
api-ref-download = La description OpenAPI 3.1 (JSON)
api-ref-operations = Opérations
api-ref-shapes = Formes des données
api-ref-scope = Droit :
api-ref-parameters = Paramètres
api-ref-name = Nom
api-ref-in = Dans
api-ref-type = Type
api-ref-description = Description
api-ref-required = obligatoire
api-ref-body = Contenu
api-ref-responses = Réponses
api-ref-field = Champ
help-link-api = La référence de l’API, pour les programmes
