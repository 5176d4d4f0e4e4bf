## The weekly warranty reminder (and its setting in My profile)

reminders-heading = Garantie-Erinnerungen
reminders-intro = Jeden Montag eine E-Mail mit den Wechselrichtern Ihrer Anlagen, deren Werksgarantie in 90 Tagen endet oder deren Verlängerung nur noch weniger als 60 Tage bestellt werden kann. In einer Woche ohne solches Gerät kommt nichts.
reminders-on = Wöchentliche Garantie-Erinnerung senden
saved-reminders-on = Die wöchentliche Garantie-Erinnerung ist eingeschaltet.
saved-reminders-off = Die wöchentliche Garantie-Erinnerung ist ausgeschaltet.
reminder-ending = Werksgarantie endet in den nächsten 90 Tagen:
reminder-closing = Verlängerung nur noch zu bestellen bis:
reminder-line-ending = { $model } { $serial } ({ $plant }): die Garantie endet am { $date }
reminder-line-closing = { $model } { $serial } ({ $plant }): Verlängerung bestellen bis { $date }
reminder-order = Verlängerung bestellen

mail-warranty-reminder-subject = Garantie-Erinnerung: { $count ->
        [one] ein Gerät
       *[other] { $count } Geräte
    } bei { $instance }
mail-warranty-reminder-body =
    Hallo { $name },

    diese Wechselrichter Ihrer Anlagen brauchen Ihre Aufmerksamkeit:

    { $ending }

    { $closing }

    Sie können diese wöchentliche Erinnerung unter „Mein Profil“ abschalten:
    { $profile }
