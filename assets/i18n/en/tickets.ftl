# Service tickets
contact-title = Contact the service team
contact-intro = Ask us anything about the portal, your plants or your devices. You get an answer by e-mail, and signed-in users also find the request in Ticket Tracking.
contact-serial-reminder = Technical requests need the serial number of the device concerned: it is on the type label.
contact-name = Your name
contact-email-hint = We send the confirmation and our answers here.
contact-topic = Topic
contact-serial-hint = Required for technical requests: 6 to 10 digits from the type label.
contact-message = Your message
contact-submit = Send the request
contact-sent-title = Request received
contact-sent-text = Thank you. Your request has the number { $number }; a confirmation is on its way to your mailbox. Please quote the number if you write to us again.
topic-general = General question
topic-technical = Technical question about a device
topic-login = Registration and log-in
topic-account = Account and e-mail change
topic-other = Something else
ticket-topic-unknown = Choose a topic from the list.
ticket-serial-required = Technical requests need the device's serial number.
tickets-new = New request
tickets-window = Requests of the last { $days } days, and every open one.
tickets-empty = No requests yet. Ask the service team — the answer appears here.
ticket-number = Number
ticket-subject = Subject
ticket-kind = Kind
ticket-status = Status
ticket-updated = Last update
ticket-created = Received
ticket-requester = Requested by
ticket-title = Request { $number }
ticket-open-plant = Open the plant
ticket-thread = Messages
ticket-history = Progress
ticket-reply = Add a message
ticket-reply-submit = Send
ticket-saved-created = Your request { $number } has been received.
ticket-saved-message = Your message has been added.
ticket-kind-contact = Contact request
ticket-kind-replacement = Device replacement
ticket-kind-warranty = Warranty extension
ticket-kind-info-sheet = Information sheet
status-new = New
status-submitted = Submitted
status-in-progress = In progress
status-in-review = In review
status-waiting = Waiting for you
status-approved = Approved
status-rejected = Rejected
status-shipped = Replacement shipped
status-awaiting-return = Awaiting the failed device
status-closed = Closed
plant-tickets-empty = No requests about this plant.
plants-col-open-tickets = Open requests
mail-ticket-created-subject = Request { $number } received: { $subject }
mail-ticket-created-body =
    Hello { $name },

    we have received your request { $number } ("{ $subject }") and will answer as soon as possible.

    { $link }

    Please quote the number { $number } if you write to us again.
info-title = Information sheet
info-intro = SMA Smart Home systems and off-grid systems (Sunny Island, Sunny Backup, Multicluster Box) cannot be registered in the portal. Send us their information sheet instead: the service team records the system and answers you.
info-system = System
info-system-smart-home = SMA Smart Home system
info-system-off-grid = Off-grid system (Sunny Island, Sunny Backup, Multicluster Box)
info-system-unknown = Choose a system from the list.
info-serials = Serial numbers
info-serials-hint = The serial numbers of the system's devices, one per line.
info-site = Site
info-site-hint = Address of the site where the system is installed.
info-submit = Send the information sheet
info-subject = Information sheet: { $system }
warranty-extension-request = Order an extension
extension-title = Warranty extension
extension-intro = The factory warranty of this inverter runs until { $until }. Choose the extension you would like; the service team answers with the offer for this device.
extension-term-label = Extension
extension-term = { $years } more years
extension-term-unknown = Choose one of the offered extensions.
extension-submit = Request the extension
extension-subject = Warranty extension +{ $years } years for { $serial }
extension-factory-end = Factory warranty until
search-label = Search requests
search-hint = Serial number, customer name, number or words
search-submit = Search
search-clear = Show all
search-results = { $count ->
    [one] One request matches “{ $query }”
   *[other] { $count } requests match “{ $query }”
}
search-matched-serial = found by serial number
search-matched-number = found by request number
search-matched-words = found by customer name and words
filter-all = All
filter-open = Open
filter-closed = Closed
