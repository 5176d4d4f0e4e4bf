## Webhooks (/webhooks)

nav-webhooks = Webhooks
webhooks-title = Webhooks
webhooks-intro-company = A webhook tells another system (your ERP, your chat, your monitoring) the moment something happens to your company's requests or plants: the portal posts a signed JSON message to the address you give.
webhooks-intro-staff = A webhook tells another system (the team chat, a ticket system) the moment something happens to any request or plant, internal notes included: the portal posts a signed JSON message to the address you give.
webhooks-manage = Manage webhooks
webhooks-how = How to check the signature
webhooks-yours = Endpoints
webhooks-none = No endpoint registered yet.
webhook-url = Address (URL)
webhook-url-hint = An http or https address, such as https://erp.example.com/hooks/osc. Addresses in your own network are refused unless the portal's administrator allowed them.
webhook-events = Events
webhook-state = State
webhook-created = Registered
webhook-new = Register an endpoint
webhook-create = Register endpoint
webhook-state-active = Active
webhook-state-failing = Failing
webhook-state-paused = Paused
webhook-event-request-created = a service request was filed
webhook-event-request-state-changed = a request moved to another state
webhook-event-request-message-added = a message was added to a request
webhook-event-plant-created = a plant was registered
webhook-event-device-registered = a device was registered in a plant
webhook-event-device-swapped = a replacement took a device's place
webhook-events-none = Choose at least one event.
webhook-url-too-long = The address may have at most 500 characters.
webhook-url-not-http = Enter a complete http or https address, such as https://erp.example.com/hooks.
webhook-url-credentials = Leave the user name and password out of the address; check the signature instead.
webhook-url-internal = This address is in a private or local network, which webhooks may not reach. The portal's administrator can allow it (webhooks.allow).
webhook-url-unknown-host = This address's host name is not known. Check its spelling.
webhook-too-many = There are already 20 endpoints. Delete one first.
webhook-title = Webhook endpoint
saved-webhook = The endpoint was saved.
saved-webhook-created = The endpoint was registered. Use the signing secret below to check that deliveries come from the portal.
saved-webhook-resent = The delivery will be sent again in a moment.
saved-webhook-paused = The endpoint was paused. Nothing is sent to it until you resume it.
saved-webhook-resumed = The endpoint was resumed. What waited is being sent.
saved-webhook-deleted = The endpoint was deleted.
webhook-paused-since = Paused since
webhook-failing-since = Deliveries have failed since
webhook-resume = Resume
webhook-secret = Signing secret
webhook-secret-intro = Every delivery carries the header OSC-Signature: t=<time>,v1=<HMAC-SHA256 of "<time>.<body>" with this secret, in hexadecimal>. Compare it with your own computation and refuse old times.
webhook-deliveries = Recent deliveries
webhook-deliveries-none = Nothing was sent yet.
webhook-delivery-event = Event
webhook-delivery-at = Happened
webhook-delivery-state = State
webhook-delivery-answer = Answer
webhook-delivery-time = Time taken
webhook-delivery-attempts = Attempts
webhook-delivery-delivered = Delivered
webhook-delivery-pending = Waiting
webhook-delivery-next = next attempt
webhook-delivery-held = Held while paused
webhook-delivery-failed = Not delivered
webhook-failure-refused = Address refused
webhook-failure-unknown-host = Unknown host
webhook-failure-connection = No connection
webhook-failure-timeout = No answer in time
webhook-failure-redirect = Redirect (not followed)
webhook-resend = Send again
webhook-resend-label = Send delivery { $id } again
webhook-settings = Settings
webhook-stop = Pause or delete
webhook-pause = Pause
webhook-delete = Delete endpoint

mail-webhook-paused-subject = Webhook paused at { $instance }
mail-webhook-paused-body =
    Hello { $name },

    deliveries to your webhook endpoint { $url } have failed since { $since }, so the portal has paused it. Nothing is sent to it until you resume it; what happened meanwhile waits and is sent then.

    Check the endpoint and resume it here:
    { $link }

## The webhooks part of the API reference (/help/api#webhooks)
api-ref-webhooks-intro = A company's administrators (for their company's requests and plants) and the service team (for everything) register endpoints. Each event is posted as JSON to every endpoint that chose it, at once and in the background; the order of deliveries is not guaranteed, so use created_at or read the resource through the API.
api-ref-webhooks-request = What a receiver gets
api-ref-webhooks-verify = The OSC-Signature header holds the time of sending (t) and the HMAC-SHA256 of the time, a dot and the body, keyed with the endpoint's signing secret (v1, hexadecimal). Recompute it over the raw body, compare in constant time, and refuse times more than five minutes away. OSC-Delivery stays the same on every retry and resend: use it to ignore a delivery you have already handled.
api-ref-webhooks-retries-heading = Answers, retries and pausing
api-ref-webhooks-retries = Answer with any 2xx status within 10 seconds; redirects are not followed and only the first 64 KiB of an answer are read. A delivery that fails is tried again after 30 seconds, then after twice as long each time, at least hourly. An endpoint that has failed for a day is paused and its owner e-mailed; what happens while it is paused waits and is sent when it is resumed. Taken deliveries are kept 30 days on the endpoint's page.
