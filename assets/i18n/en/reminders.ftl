## The weekly warranty reminder (and its setting in My profile)

reminders-heading = Warranty reminders
reminders-intro = Every Monday, an e-mail listing the inverters of your plants whose factory warranty ends within 90 days or whose extension can be ordered for less than 60 more days. Nothing is sent in a week without such a device.
reminders-on = Send me the weekly warranty reminder
saved-reminders-on = The weekly warranty reminder is on.
saved-reminders-off = The weekly warranty reminder is off.
reminder-ending = Factory warranty ending within 90 days:
reminder-closing = Extension can be ordered only until:
reminder-line-ending = { $model } { $serial } ({ $plant }): the warranty ends on { $date }
reminder-line-closing = { $model } { $serial } ({ $plant }): order the extension by { $date }
reminder-order = Order the extension

mail-warranty-reminder-subject = Warranty reminder: { $count ->
        [one] one device
       *[other] { $count } devices
    } at { $instance }
mail-warranty-reminder-body =
    Hello { $name },

    these inverters of your plants need your attention:

    { $ending }

    { $closing }

    You can turn this weekly reminder off in My profile:
    { $profile }
