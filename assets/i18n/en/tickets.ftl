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
status-waiting-customer = Waiting for the customer
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
mail-ticket-received-subject = Request { $number } received
mail-ticket-received-body =
    Hello { $name },

    we have received your request { $number } ("{ $subject }") and will answer as soon as possible.

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
search-hint = Serial, name, number or words
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
replacement-new = Request a replacement device
tickets-none-here = No requests on this page match these filters.
ticket-saved-note = Your internal note has been added; the customer does not see it.
ticket-saved-status = The request is now “{ $status }”; the requester has been told by e-mail.
ticket-internal-note = Internal note
ticket-internal-checkbox = Internal note: only the service team sees it, nobody is e-mailed
ticket-files = Attach files
ticket-files-hint = Up to { $count } files, PDF, images or office documents, at most { $mb } MB each.
ticket-move = Move the request on
ticket-move-none = This request is finished: no further state.
ticket-move-to = New state
ticket-move-mail = The requester is told by e-mail in their language.
ticket-move-submit = Change the state
ticket-transition-refused = This state cannot follow the current one. Choose one from the list.
ticket-new-serial-same = The replacement needs a serial number of its own, not the failed device's.
upload-too-many = Attach at most five files to one message.
upload-choose-again = Please choose the file again: for your safety, browsers do not keep it when a form comes back.
replacement-title = Device replacement request
replacement-intro = A device has failed and must be replaced. Tell us which one, what it shows and where the replacement should go; the service team reviews the request and tells you each step by e-mail.
replacement-section-device = The failed device
replacement-device = Device
replacement-device-hint = Devices registered in your plants. Not listed? Choose “Another device” and type its serial number.
replacement-device-other = Another device (type its serial number below)
replacement-serial-hint = Only for a device that is not in the list: 6 to 10 digits from the type label.
replacement-device-unknown = Choose a device from the list.
replacement-device-required = Choose the device from the list or type its serial number.
replacement-section-failure = What happened
replacement-event = Event number or error message
replacement-event-hint = Exactly as the device's display or the monitoring shows it, e.g. “Event 3501” or “Insulation failure”.
replacement-failure-date = Date of the failure
replacement-description = Description
replacement-description-hint = What happened before and since the failure, what you have tried.
replacement-role = You are the plant's
replacement-requester-role = Requester at the plant
replacement-role-owner = Owner
replacement-role-installer = Installer
replacement-delivery = Delivery of the replacement
replacement-address = Delivery address
replacement-address-hint = From your delivery addresses in My profile.
replacement-address-new = A new address (enter it below)
replacement-address-first = Where should the replacement go?
replacement-address-new-summary = Send it to a new address
replacement-product-hint = Only for a device not in the list: type a part of the model code or name (e.g. “STP 10”) and choose from the list.
replacement-address-new-hint = To send it elsewhere, fill in a new address here; it is used instead of the one chosen above.
replacement-address-unknown = Choose one of your delivery addresses.
replacement-save-address = Also keep this address in My profile
replacement-onsite = Contact on site
replacement-onsite-name = Contact on site: name
replacement-onsite-phone = Contact on site: phone
replacement-section-proof = Proof of purchase and confirmations
replacement-proof = Proof of purchase
replacement-proof-hint = An invoice or warranty certificate showing the serial number: PDF or image, at most { $mb } MB.
replacement-proof-required = Attach the proof of purchase: an invoice or warranty certificate showing the serial number.
replacement-confirm-pickup = The failed device will be ready for pickup within 5 business days after the replacement arrives.
replacement-confirm-accessories = I know that the replacement ships without accessories (display, mounting bracket, connectors).
replacement-confirm-pickup-required = Please confirm that the failed device will be ready for pickup.
replacement-confirm-accessories-required = Please confirm that you know the replacement ships without accessories.
replacement-submit = Send the replacement request
replacement-subject = Replacement of { $serial }: { $event }
replacement-details = Replacement request
replacement-rma = RMA number
replacement-rma-hint = Needed to approve a replacement.
replacement-tracking = Tracking number
replacement-tracking-hint = Needed when the replacement ships.
replacement-new-serial = Serial number of the replacement
replacement-new-serial-hint = Needed when the replacement ships; the device record takes it over and keeps the old one.
replacement-awaiting-return = The failed device is to be picked up within 5 business days after the replacement arrived.
mail-ticket-answered-subject = Answer to your request { $number }
mail-ticket-answered-body =
    Hello { $name },

    the service team has answered your request { $number } ("{ $subject }"):

    { $text }

    { $link }

    Please quote the number { $number } if you write to us again.
mail-ticket-status-subject = Your request { $number }: { $status }
mail-ticket-status-body =
    Hello { $name },

    your request { $number } ("{ $subject }") is now: { $status }.

    { $detail }

    { $link }
mail-ticket-status-approved = The replacement is approved. Its RMA number is { $rma }: please write it on the failed device's packaging.
mail-ticket-status-shipped = The replacement device (serial number { $serial }) is on its way; the carrier's tracking number is { $tracking }. It ships without accessories.
mail-ticket-status-return = Please have the failed device ready for pickup within 5 business days.
mail-ticket-status-waiting = The service team needs an answer from you: please open the request and reply.

inbox-file-refused = Attachment not accepted: { $name } ({ $reason })
inbox-original-file = original-message.txt
inbox-refers-to = About request { $number }
