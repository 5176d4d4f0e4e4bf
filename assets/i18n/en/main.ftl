# Frame: top bar, navigation, footer
skip-to-content = Skip to content
lang-switch-label = Language
nav-label = Main navigation
nav-menu = Menu
nav-profile = My profile
nav-access = My access data
nav-plants = Plant overview
nav-tickets = Ticket Tracking
nav-members = Invite collaborators
nav-service = Service desk
footer-operated-by = operated by { $team }
footer-privacy = Privacy policy
footer-terms = Terms of use
footer-contact = Contact

# Start page
home-title = Welcome
home-heading = Service for your solar plants, in one place
home-lead = { $instance } is the service portal for installation companies, plant operators and wholesalers: keep your plants and devices, follow warranties and reach the service team without waiting on the phone.
home-feature-plants = Plants and devices
home-feature-plants-text = Register plants with their sub-plants and devices by serial number, keep string plans and documents with them.
home-feature-tickets = Service requests
home-feature-tickets-text = Ask for help or a replacement device and follow every step in Ticket Tracking.
home-feature-warranty = Warranty at a glance
home-feature-warranty-text = See for every inverter how long the warranty runs and whether it can be extended.
login-heading = Log in
login-email = E-mail address
login-password = Password
login-submit = Log in
login-forgot = Forgot your password?
register-heading = New here?
register-lead = Installers, wholesalers and plant operators register in a few minutes.
register-cta = Register for free

# Error pages
error-back-home = Back to the start page
error-404-title = Page not found
error-404-text = This page does not exist or is not available to you. Check the address, or start again from the start page.
error-405-title = This address does not open that way
error-405-text = This address takes a form's answer, not a visit (after a reload or from a bookmark, for example). Go back to the page with the form, or start again from the start page.
error-403-title = Request refused
error-403-text = The form was out of date or the request could not be verified. Go back, reload the page and try again.
error-400-title = Request not understood
error-400-text = The request could not be processed. Go back and try again.
error-408-title = This took too long
error-408-text = The request took too long and was stopped. Please try again in a moment.
error-413-title = Too much data
error-413-text = What you sent is larger than this portal accepts. Send a smaller file or less text.
error-429-title = Please wait a little
error-429-text = This form was sent too often from your network. Please try again in an hour.
error-500-title = Something went wrong
error-500-text = An unexpected error occurred on our side. It has been recorded; please try again later.
error-503-title = Temporarily unavailable
error-503-text = The portal cannot answer right now. Please try again in a few minutes.

# Legal pages
legal-privacy-title = Privacy policy
legal-terms-title = Terms of use
