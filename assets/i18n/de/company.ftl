# Mitarbeiter einladen
members-intro = Die Personen von { $company }, die das Portal nutzen, und die noch offenen Einladungen.
members-collaborators = Mitarbeiter
members-col-name = Name
members-col-role = Rolle
members-col-status = Status
members-col-last-login = Letzte Anmeldung
members-col-plants = Zugewiesene Anlagen
members-col-actions = Aktionen
members-you = Sie
members-status-active = Aktiv
members-status-locked = Gesperrt
members-never = nie
members-promote = Zum Administrator machen
members-demote = Zum Mitarbeiter machen
members-step-down = Administratorrolle abgeben
members-remove = Entfernen
members-admin-rule = Eine Firma hat höchstens zwei Administratoren und immer mindestens einen. Zur Übergabe machen Sie Ihren Nachfolger zum Administrator und geben dann Ihre Rolle ab.
members-invite = Mitarbeiter einladen
members-invite-hint = Die Person erhält eine E-Mail mit einem Link, { $days } Tage gültig, um ihren Zugang anzulegen.
members-invite-submit = Einladung senden
members-pending = Offene Einladungen
members-pending-empty = Keine Einladung wartet.
members-sent = gesendet am
members-expires = gültig bis
members-expired = Abgelaufen
members-resend = Erneut senden
members-revoke = Zurückziehen
members-done-invited = Die Einladung wurde gesendet.
members-done-resent = Die Einladung wurde mit einem neuen Link erneut gesendet.
members-done-revoked = Die Einladung wurde zurückgezogen.
members-done-promoted = Der Mitarbeiter ist jetzt Administrator.
members-done-demoted = Der Administrator ist jetzt Mitarbeiter.
members-done-removed = Der Mitarbeiter wurde entfernt und per E-Mail informiert.
members-not-allowed = Nur Administratoren der Firma können das tun.
members-already-admin = Diese Person ist bereits Administrator.
members-not-admin = Diese Person ist kein Administrator.
members-max-admins = Eine Firma kann höchstens zwei Administratoren haben. Machen Sie zuerst einen von ihnen zum Mitarbeiter.
members-last-admin = Die Firma muss mindestens einen Administrator behalten. Machen Sie zuerst eine andere Person zum Administrator.
members-cannot-remove-self = Sie können sich nicht selbst entfernen. Übergeben Sie an einen anderen Administrator, der Sie dann entfernen kann.
members-remove-title = Diesen Mitarbeiter entfernen?
members-remove-text = { $name } ({ $email }) wird aus der Firma entfernt.
members-remove-effect-access = Der Zugang endet sofort: Offene Sitzungen werden beendet und die Anmeldung wird verweigert.
members-remove-effect-mail = Die Person erhält eine E-Mail, dass die Geschäftsbeziehung beendet und der Zugang deaktiviert ist.
members-remove-effect-plants = Ihre Anlagenzuweisungen werden aufgehoben.
members-remove-effect-kept = Nichts, was sie angelegt hat, geht verloren: Ihre Anlagen und Tickets bleiben bei der Firma.
invite-role-unknown = Wählen Sie eine Rolle aus der Liste.
invite-has-account = Zu dieser E-Mail-Adresse besteht bereits ein Konto im Portal; sie kann daher nicht eingeladen werden. Eine Anmeldung pro Person: Bei einem Firmenwechsel wendet sich die Person an das Serviceteam.
invite-already-invited = Diese Adresse wurde bereits eingeladen. Senden Sie die Einladung aus der Liste der offenen Einladungen erneut.
invitation-unusable-title = Diese Einladung kann nicht verwendet werden
invitation-unknown = Dieser Einladungslink ist ungültig. Prüfen Sie, ob Sie ihn vollständig kopiert haben.
invitation-used = Diese Einladung wurde bereits verwendet. Melden Sie sich mit dem angelegten Zugang an.
invitation-revoked = Diese Einladung wurde zurückgezogen. Bitten Sie den Administrator Ihrer Firma um eine neue.
invitation-expired = Diese Einladung ist zu alt. Bitten Sie den Administrator Ihrer Firma, sie erneut zu senden.
invitation-signed-in = Sie sind angemeldet. Melden Sie sich zuerst ab, um eine Einladung für eine andere Adresse anzunehmen.
join-title = { $company } beitreten
join-intro = Sie wurden als { $role } zu { $company } eingeladen. Legen Sie Ihren Zugang an: Er ist sofort aktiv.
join-email-fixed = Die Einladung wurde an diese Adresse gesendet; sie ist Ihr Anmeldename.
join-submit = Zugang anlegen
login-removed = Ihr Zugang wurde vom Administrator Ihrer Firma deaktiviert. Wenn Sie das für einen Irrtum halten, wenden Sie sich an Ihre Firma.
saved-stepped-down = Sie sind jetzt Mitarbeiter Ihrer Firma.
saved-joined = Willkommen! Ihr Zugang wurde angelegt.

# E-Mails
mail-invitation-subject = { $inviter } lädt Sie zu { $company } bei { $instance } ein
mail-invitation-body =
    Guten Tag,

    { $inviter } lädt Sie ein, { $company } bei { $instance } als { $role } beizutreten.

    Öffnen Sie diesen Link innerhalb von { $days } Tagen, um Ihren Zugang anzulegen:

    { $link }

    Wenn Sie { $company } nicht kennen, ignorieren Sie diese E-Mail.
mail-removed-subject = Ihr Zugang zu { $company } bei { $instance } wurde deaktiviert
mail-removed-body =
    Guten Tag { $name },

    die Geschäftsbeziehung zwischen Ihnen und { $company } ist beendet, und Ihr Zugang zu { $instance } wurde deaktiviert.

    Die Anlagen und Tickets, an denen Sie gearbeitet haben, bleiben bei { $company }. Wenn Sie das für einen Irrtum halten, wenden Sie sich bitte an { $company }.
members-operators = Anlagenbetreiber
members-operators-empty = Noch keine Ihrer Anlagen nennt einen Anlagenbetreiber. Der Betreiber einer Anlage erscheint hier mit seinen Kontaktdaten.
members-col-operator-plants = Seine Anlagen
members-operator-no-account = kein Konto
members-operator-named = in der Anlage „{ $name }“ genannt
