# "FAQ & support" (/help).

help-title = FAQ & support
help-intro = Answers to the questions people ask most about this portal. Each answer links to the page it talks about.
help-search-label = Search the questions
help-search-hint = e.g. locked, warranty, serial number
help-results = { $count ->
    [one] 1 question matches “{ $query }”
   *[other] { $count } questions match “{ $query }”
}
help-none = No question matches. The service team will gladly answer yours.
help-more = Your question is not here?
help-link-contact = Write to the service team

help-section-account = Registration and log-in
help-section-plants = Plants and devices
help-section-tickets = Requests and Ticket Tracking
help-section-contact = Reaching the service team

help-q-register = How do I register?
help-a-register = Choose “Register for free” and say who you are: an installation company, a wholesaler or a plant operator. We send you an e-mail with a confirmation link; your account works once you have opened it.

    The first person who registers a company becomes its administrator. Colleagues do not register the company again: the administrator invites them.
help-link-register = Register

help-q-confirm = I registered but cannot log in.
help-a-confirm = Your e-mail address is probably not confirmed yet. Open the link in the e-mail we sent you (look in the spam folder too). The link expires after a while; you can ask for a new one at any time.
help-link-confirm = Send the confirmation e-mail again

help-q-locked = My account is locked after { $attempts } attempts. How do I get back in?
help-a-locked = After { $attempts } wrong passwords in a row the account locks itself, to protect it. Use “Forgot your password?”: enter your e-mail address, answer your security question, and we e-mail you a link valid for a short time. Setting a new password with it unlocks the account.

    If you no longer know the answer to your security question, write to the service team: they can unlock the account.
help-link-locked = Forgot your password?

help-q-blocked = The log-in says my account is blocked.
help-a-blocked = The service team blocks an account when it suspects fraud or abuse. A blocked account cannot log in or reset its password. Please write to the service team; they will tell you what happened and unblock the account when the matter is cleared up.
help-link-blocked = Contact the service team

help-q-roles = Who sees what?
help-a-roles = An administrator of a company sees all its members, plants, devices and requests, invites collaborators, removes them, and assigns plants to installers. A company has at most { $admins } administrators.

    An installer sees the plants assigned to him and the ones he created, and the requests he filed. A plant operator sees his own plants and requests. Wholesalers are organised like installation companies. Nobody ever sees another company's data.
help-link-roles = Invite collaborators

help-q-email = How do I change my e-mail address?
help-a-email = Your e-mail address is your log-in, so you cannot change it yourself. Ask the service team: they enter the new address, we send a confirmation link to it, and your old address is told. Your password and security question you change yourself in “My access data”.
help-link-email = My access data

help-q-plant-first = Why do I have to create a plant before its devices?
help-a-plant-first = Every device belongs to a plant: its address and commissioning date are what the warranty, replacements and the service team's visits are based on. Create the plant first (name, address, coordinates, commissioning date), then register its devices by serial number.
help-link-plant-first = Create a plant

help-q-subplants = What are sub-plants?
help-a-subplants = A large plant can be split into sub-plants, for instance one per roof or per building. Inverters and communication devices are then assigned to a sub-plant, and the plant's page shows the plant → sub-plant → device tree.
help-link-subplants = Plant overview

help-q-documents = Which documents can I keep with a plant?
help-a-documents = On a plant's page, under “Documents”, you can upload PDFs and images: commissioning reports, wiring diagrams, invoices as proof of purchase. Each file may be up to { $mb } MB. Only people who may see the plant can download them.
help-link-documents = Plant overview

help-q-warranty = How do I request a warranty extension?
help-a-warranty = Open the inverter's device page: its warranty line shows the warranty's end and whether an extension is possible. “Request a warranty extension” files the request; the service team answers in your Ticket Tracking. A replacement device keeps the rest of the failed device's warranty, at least one year.
help-link-warranty = Plant overview

help-q-import = Can I bring my plants over from Sunny Portal?
help-a-import = Yes. Export your plants from Sunny Portal (CSV, one row per device, or the monitoring API's JSON) and upload the file under “Import from Sunny Portal”. You first see a preview: the plants, sub-plants and devices that will be created or updated, and every row that cannot be taken with its line and the reason. Nothing is saved until you confirm.

    Importing the same plant again updates it and adds its new devices instead of duplicating it.
help-link-import = Import from Sunny Portal

help-q-not-registrable = Which systems cannot be registered?
help-a-not-registrable = Off-grid systems (Sunny Island, Sunny Backup) and SMA Smart Home systems cannot be registered in this portal. Instead, send us the information sheet with the system and its serial numbers: the service team takes it from there.
help-link-not-registrable = The information sheet

help-q-replacement = A device has failed. How do I request a replacement?
help-a-replacement = Use the device replacement request, also linked from the device's page. We need the exact event number or error message the device shows, the day of the failure, a delivery address, a contact on site, and a proof of purchase.

    Once the replacement is approved and shipped you receive the tracking number. The failed device must be ready for pickup within 5 business days; replacements ship without accessories.
help-link-replacement = Request a replacement device

help-q-window = Why do I see only the requests of the last months?
help-a-window = Ticket Tracking shows the requests updated in the last { $days } days, and every open request whatever its age. Older, closed requests are still kept; the service team can look them up for you.
help-link-window = Ticket Tracking

help-q-search = How do I find a request?
help-a-search = Type into the search box at the top right of Ticket Tracking: a device's serial number (also a former one, after a replacement), a request number such as 2026-000123, or a customer's name. Part of a name is enough, and a small typo is forgiven.
help-link-search = Ticket Tracking

help-q-contact = How do I reach the service team?
help-a-contact = Use the contact form; it works without an account too. Please give the device's serial number for any technical question: it is on the type label, and it lets { $team } answer at once. You receive a request number by e-mail; quote it when you write again.

help-q-by-mail = Can I write to the service team, or answer it, by e-mail?
help-a-by-mail = Yes. Answer any e-mail about your request: your reply and its attachments (PDF, images, Office files) are added to the request, and a request waiting for you goes back to { $team }. Write above the quoted text; it is left out of the thread but kept with the message. An e-mail to the service address opens a new request, and you receive its number. Only you and the people of your company who may see a request can write into it by e-mail; a reply from anyone else becomes a request of their own.
help-link-by-mail = Ticket Tracking

# The JSON API's reference
api-ref-title = API reference
api-ref-intro = Programs use the portal through its JSON API with a personal access token. Every operation below, with its parameters, body and answers, is read from the API's own description.
api-ref-download = The OpenAPI 3.1 description (JSON)
api-ref-operations = Operations
api-ref-shapes = Shapes
api-ref-scope = Scope:
api-ref-parameters = Parameters
api-ref-name = Name
api-ref-in = In
api-ref-type = Type
api-ref-description = Description
api-ref-required = required
api-ref-body = Body
api-ref-responses = Answers
api-ref-field = Field
help-link-api = The API reference, for programs
