# Plant overview
plants-new = New plant
plants-new-intro = Register the plant first: its devices, sub-plants and documents are added on the plant's page.
plants-create = Register the plant
plants-filter = Filter plants
plants-filter-hint = Name, city, postal code or a device's serial number
plants-filter-submit = Filter
plants-empty = No plants yet — register your first plant.
plants-none-match = No plant matches “{ $query }”.
plants-count = { $count ->
    [one] One plant
   *[other] { $count } plants
}
plants-col-place = Address
plants-col-assignees = Assigned installers
plants-unassigned = not assigned
pagination = Pages
pagination-previous = Previous
pagination-next = Next
pagination-first = First page
pagination-page = Page { $page } of { $pages }
plant-name = Plant name
plant-legend-site = Site
plant-country-hint = Plants can be registered in: { $countries }.
plant-latitude = Latitude
plant-latitude-hint = Decimal degrees, e.g. 51.3127 (a comma works too).
plant-longitude = Longitude
plant-longitude-hint = Decimal degrees, e.g. 9.4797.
plant-commissioning = Commissioning date
plant-operator = Plant operator
plant-operator-hint = The owner of the plant. If their e-mail address has an operator account in the portal, they see this plant too.
plant-operator-name = Operator's name
plant-smart-home = This is an SMA Smart Home system
plant-smart-home-refused = SMA Smart Home systems cannot be registered in the portal.
plant-smart-home-next = Please send us the system's information sheet instead; the service team takes care of it:
plant-country-not-open = Plants can only be registered in the countries listed above.
coordinate-invalid = Enter a number of degrees, e.g. 51.3127.
coordinate-range = This is outside the possible range (latitude ±90°, longitude ±180°).
coordinate-pair = Give both latitude and longitude, or neither.
date-invalid = Enter a date as YYYY-MM-DD.
date-future = This date is in the future.
plant-coordinates = Coordinates
plant-open-map = Show on a map
plant-edit = Plant data
plant-saved-created = The plant has been registered.
plant-saved = The plant data has been saved.
plant-saved-assignees = The assignment has been changed.
plant-assignees = Assignment to installers
plant-assignees-hint = Installers see and work on the plants assigned to them.
plant-unassign = Take away
plant-assign-label = Assign to
plant-assign = Assign
plant-no-installers = Your company has no installers to assign yet.
map-title = Map of the plants
map-desc = { $count ->
    [one] One plant with coordinates, drawn as a dot at its place; each dot links to its plant.
   *[other] { $count } plants with coordinates, drawn as dots at their places; each dot links to its plant.
}
map-caption = Plants with coordinates. Select a dot to open its plant. Map data: Natural Earth.
plants-warranty-ending = { $count ->
    [one] 1 warranty ends soon
   *[other] { $count } warranties end soon
}
pagination-page-of-more = Page { $page } of more than { $pages }
pagination-page-only = Page { $page }
plant-parts = Parts of this plant
map-cluster = { $count } plants here: { $names }
