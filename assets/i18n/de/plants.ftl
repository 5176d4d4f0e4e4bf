# Anlagenübersicht
plants-new = Neue Anlage
plants-new-intro = Registrieren Sie zuerst die Anlage: Geräte, Teilanlagen und Dokumente fügen Sie auf der Seite der Anlage hinzu.
plants-create = Anlage registrieren
plants-filter = Anlagen filtern
plants-filter-hint = Name, Ort, Postleitzahl oder Seriennummer eines Geräts
plants-filter-submit = Filtern
plants-empty = Noch keine Anlagen — registrieren Sie Ihre erste Anlage.
plants-none-match = Keine Anlage passt zu „{ $query }“.
plants-count = { $count ->
    [one] Eine Anlage
   *[other] { $count } Anlagen
}
plants-col-place = Adresse
plants-col-assignees = Zugewiesene Installateure
plants-unassigned = nicht zugewiesen
pagination = Seiten
pagination-previous = Zurück
pagination-next = Weiter
pagination-first = Erste Seite
pagination-page = Seite { $page } von { $pages }
plant-name = Anlagenname
plant-legend-site = Standort
plant-country-hint = Anlagen können registriert werden in: { $countries }.
plant-latitude = Breitengrad
plant-latitude-hint = Dezimalgrad, z. B. 51,3127.
plant-longitude = Längengrad
plant-longitude-hint = Dezimalgrad, z. B. 9,4797.
plant-commissioning = Inbetriebnahmedatum
plant-operator = Anlagenbetreiber
plant-operator-hint = Der Eigentümer der Anlage. Hat seine E-Mail-Adresse ein Betreiberkonto im Portal, sieht er diese Anlage ebenfalls.
plant-operator-name = Name des Betreibers
plant-smart-home = Dies ist ein SMA Smart Home System
plant-smart-home-refused = SMA Smart Home Systeme können im Portal nicht registriert werden.
plant-smart-home-next = Senden Sie uns stattdessen das Informationsblatt des Systems; das Serviceteam kümmert sich darum:
plant-country-not-open = Anlagen können nur in den oben genannten Ländern registriert werden.
coordinate-invalid = Geben Sie eine Gradzahl an, z. B. 51,3127.
coordinate-range = Dieser Wert liegt außerhalb des möglichen Bereichs (Breite ±90°, Länge ±180°).
coordinate-pair = Geben Sie Breiten- und Längengrad an, oder keinen von beiden.
date-invalid = Geben Sie ein Datum als JJJJ-MM-TT an.
date-future = Dieses Datum liegt in der Zukunft.
plant-coordinates = Koordinaten
plant-open-map = Auf einer Karte zeigen
plant-edit = Anlagendaten
plant-saved-created = Die Anlage wurde registriert.
plant-saved = Die Anlagendaten wurden gespeichert.
plant-saved-assignees = Die Zuweisung wurde geändert.
plant-assignees = Zuweisung an Installateure
plant-assignees-hint = Installateure sehen und bearbeiten die ihnen zugewiesenen Anlagen.
plant-unassign = Entziehen
plant-assign-label = Zuweisen an
plant-assign = Zuweisen
plant-no-installers = Ihre Firma hat noch keine Installateure, denen Sie zuweisen können.
map-title = Karte der Anlagen
map-desc = { $count ->
    [one] Eine Anlage mit Koordinaten, als Punkt an ihrem Ort; jeder Punkt führt zu seiner Anlage.
   *[other] { $count } Anlagen mit Koordinaten, als Punkte an ihren Orten; jeder Punkt führt zu seiner Anlage.
}
map-caption = Anlagen mit Koordinaten. Wählen Sie einen Punkt, um die Anlage zu öffnen. Kartendaten: Natural Earth.
plants-warranty-ending = { $count ->
    [one] 1 Garantie endet bald
   *[other] { $count } Garantien enden bald
}
pagination-page-of-more = Seite { $page } von mehr als { $pages }
pagination-page-only = Seite { $page }
plant-parts = Teile dieser Anlage
map-cluster = { $count } Anlagen hier: { $names }
