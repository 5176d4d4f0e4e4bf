## The weekly warranty reminder (and its setting in My profile)

reminders-heading = Rappels de garantie
reminders-intro = Chaque lundi, un e-mail avec les onduleurs de vos installations dont la garantie constructeur se termine dans les 90 jours ou dont l’extension ne peut plus être commandée que pendant moins de 60 jours. Rien n’est envoyé une semaine sans tel appareil.
reminders-on = M’envoyer le rappel de garantie hebdomadaire
saved-reminders-on = Le rappel de garantie hebdomadaire est activé.
saved-reminders-off = Le rappel de garantie hebdomadaire est désactivé.
reminder-ending = Garantie constructeur se terminant dans les 90 jours :
reminder-closing = Extension à commander au plus tard :
reminder-line-ending = { $model } { $serial } ({ $plant }) : la garantie se termine le { $date }
reminder-line-closing = { $model } { $serial } ({ $plant }) : commandez l’extension avant le { $date }
reminder-order = Commander l’extension

mail-warranty-reminder-subject = Rappel de garantie : { $count ->
        [one] un appareil
       *[other] { $count } appareils
    } sur { $instance }
mail-warranty-reminder-body =
    Bonjour { $name },

    ces onduleurs de vos installations demandent votre attention :

    { $ending }

    { $closing }

    Vous pouvez désactiver ce rappel hebdomadaire dans Mon profil :
    { $profile }
