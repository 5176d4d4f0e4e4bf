# Aperçu des installations
plants-new = Nouvelle installation
plants-new-intro = Enregistrez d’abord l’installation : ses appareils, sous-installations et documents s’ajoutent sur sa page.
plants-create = Enregistrer l’installation
plants-filter = Filtrer les installations
plants-filter-hint = Nom, ville, code postal ou numéro de série d’un appareil
plants-filter-submit = Filtrer
plants-empty = Aucune installation pour l’instant — enregistrez votre première installation.
plants-none-match = Aucune installation ne correspond à « { $query } ».
plants-count = { $count ->
    [one] Une installation
   *[other] { $count } installations
}
plants-col-place = Adresse
plants-col-assignees = Installateurs attribués
plants-unassigned = non attribuée
pagination = Pages
pagination-previous = Précédente
pagination-next = Suivante
pagination-first = Première page
pagination-page = Page { $page } sur { $pages }
plant-name = Nom de l’installation
plant-legend-site = Site
plant-country-hint = Les installations peuvent être enregistrées en : { $countries }.
plant-latitude = Latitude
plant-latitude-hint = Degrés décimaux, p. ex. 51,3127.
plant-longitude = Longitude
plant-longitude-hint = Degrés décimaux, p. ex. 9,4797.
plant-commissioning = Date de mise en service
plant-operator = Exploitant
plant-operator-hint = Le propriétaire de l’installation. Si son adresse e-mail possède un compte exploitant sur le portail, il voit aussi cette installation.
plant-operator-name = Nom de l’exploitant
plant-smart-home = Il s’agit d’un système SMA Smart Home
plant-smart-home-refused = Les systèmes SMA Smart Home ne peuvent pas être enregistrés sur le portail.
plant-smart-home-next = Envoyez-nous plutôt la fiche d’information du système ; l’équipe de service s’en occupe :
plant-country-not-open = Les installations ne peuvent être enregistrées que dans les pays indiqués ci-dessus.
coordinate-invalid = Indiquez un nombre de degrés, p. ex. 51,3127.
coordinate-range = Cette valeur est hors de la plage possible (latitude ±90°, longitude ±180°).
coordinate-pair = Indiquez la latitude et la longitude, ou aucune des deux.
date-invalid = Indiquez une date au format AAAA-MM-JJ.
date-future = Cette date est dans le futur.
plant-coordinates = Coordonnées
plant-open-map = Voir sur une carte
plant-edit = Données de l’installation
plant-saved-created = L’installation a été enregistrée.
plant-saved = Les données de l’installation ont été enregistrées.
plant-saved-assignees = L’attribution a été modifiée.
plant-assignees = Attribution aux installateurs
plant-assignees-hint = Les installateurs voient et traitent les installations qui leur sont attribuées.
plant-unassign = Retirer
plant-assign-label = Attribuer à
plant-assign = Attribuer
plant-no-installers = Votre entreprise n’a pas encore d’installateur à qui attribuer.
map-title = Carte des installations
map-desc = { $count ->
    [one] Une installation avec coordonnées, représentée par un point à son emplacement ; chaque point mène à son installation.
   *[other] { $count } installations avec coordonnées, représentées par des points à leur emplacement ; chaque point mène à son installation.
}
map-caption = Installations avec coordonnées. Choisissez un point pour ouvrir l’installation. Données cartographiques : Natural Earth.
plants-warranty-ending = { $count ->
    [one] 1 garantie se termine bientôt
   *[other] { $count } garanties se terminent bientôt
}
pagination-page-of-more = Page { $page } sur plus de { $pages }
pagination-page-only = Page { $page }
plant-parts = Parties de cette installation
map-cluster = { $count } installations ici : { $names }
