# Service-Level: Geschäftszeiten, Feiertage, Ziele und die Uhren einer Anfrage
service-nav-levels = Service-Level
levels-title = Service-Level
levels-intro = Die Uhren jeder Anfrage laufen nur in den Geschäftszeiten: Sie halten an, solange eine Anfrage auf den Kunden wartet, und die Lösungsuhr eines Austauschs, solange das defekte Gerät noch aussteht. Eine Änderung gilt ab dem Speichern; bereits gezählte Zeit bleibt, wie sie war.
levels-none-yet = Noch sind keine Service-Level hinterlegt: Speichern Sie die Geschäftszeiten und mindestens ein Ziel, damit die Uhren laufen.
levels-saved = Die Service-Level wurden gespeichert. Sie gelten ab jetzt.
levels-holiday-added = Der Feiertag wurde hinzugefügt.
levels-holiday-removed = Der Feiertag wurde entfernt.
levels-imported = Die Feiertage der Kalenderdatei wurden hinzugefügt.
levels-hours = Geschäftszeiten und Ziele
levels-zone = Zeitzone
levels-zone-hint = Wie in der Zeitzonen-Datenbank, z. B. Europe/Berlin, Europe/Paris oder Europe/Zurich.
levels-week = Geschäftszeiten
levels-week-hint = Lassen Sie beide Zeiten leer für einen Tag, an dem der Service nicht arbeitet.
levels-day = Tag
levels-open = Beginn
levels-close = Ende
weekday-mon = Montag
weekday-tue = Dienstag
weekday-wed = Mittwoch
weekday-thu = Donnerstag
weekday-fri = Freitag
weekday-sat = Samstag
weekday-sun = Sonntag
levels-targets = Ziele
levels-targets-hint = In Geschäftsstunden; leer für kein Ziel. Erste Antwort: bis das Service-Team dem Kunden zum ersten Mal antwortet. Lösung: bis die Anfrage abgeschlossen ist.
levels-first-response = Erste Antwort
levels-resolution = Lösung
levels-hours-unit = Geschäftsstunden
levels-from-now = Gespeicherte Änderungen gelten für offene Anfragen ab jetzt.
levels-save = Service-Level speichern
levels-holidays = Feiertage
levels-holidays-none = Es sind keine Feiertage hinterlegt.
levels-holiday-remove = Entfernen
levels-holiday-remove-label = Feiertag am { $date } entfernen
levels-holiday-add = Feiertag hinzufügen
levels-holiday-date = Datum
levels-holiday-name = Name
levels-import = Aus einer Kalenderdatei importieren
levels-import-file = Kalenderdatei (.ics)
levels-import-hint = Ganztägige Termine werden zu Feiertagen, jährliche auch für die nächsten zwei Jahre. Andere Termine werden übersprungen.
levels-import-submit = Feiertage importieren
levels-changes = Änderungen der Einstellungen
levels-duration = { $hours } Std. { $minutes } Min.
levels-clocks = Service-Level
levels-met = Eingehalten
levels-stopped-at = angehalten { $time }
levels-breached-by = Überschritten um { $time }
levels-paused-since = Angehalten seit { $time }
levels-remaining = noch { $time }
levels-was-due = fällig war { $time }
levels-due = Fällig { $time }
levels-due-history = Was wann fällig war
levels-due-changed = Einstellungen geändert { $time }: vorher fällig { $before }, danach { $after }.
levels-target-invalid = Geben Sie eine Stundenzahl größer als 0 ein (höchstens 2920), z. B. 4 oder 1,5.
levels-zone-unknown = Geben Sie eine Zeitzone der Zeitzonen-Datenbank ein, z. B. Europe/Berlin.
levels-hours-invalid = Geben Sie beide Zeiten als HH:MM ein, das Ende nach dem Beginn.
levels-no-hours = Behalten Sie mindestens einen Tag mit Geschäftszeiten.
levels-holiday-date-invalid = Geben Sie das Datum als JJJJ-MM-TT ein.
levels-ics-invalid = Das ist keine iCalendar-Datei (.ics).
levels-ics-empty = Die Datei enthält keine ganztägigen Termine.
levels-ics-missing = Wählen Sie eine Kalenderdatei.
levels-ics-too-large = Die Datei ist größer als 1 MB.
queue-sla = Service-Level
queue-sla-breached = Überschritten
queue-sla-soon = Fällig in 4 Geschäftsstd.
queue-sla-breached-badge = Überschritten
queue-due = Fällig
service-due-heading = Service-Level
service-due-breached = Überschritten: { $count }
service-due-soon = Überschreitung in 4 Geschäftsstunden: { $count }
service-due-none = Keine Anfrage überschreitet in den nächsten 4 Geschäftsstunden ihr Ziel.
mail-sla-digest-subject = { $count ->
        [one] Eine Anfrage überschreitet
       *[other] { $count } Anfragen überschreiten
    } in 4 Geschäftsstunden ihr Ziel – { $instance }
mail-sla-digest-body =
    Hallo { $name },

    diese Anfragen erreichen in den nächsten 4 Geschäftsstunden ihr Service-Level-Ziel:

    { $requests }

    Die Warteschlange, die fälligsten zuerst:
    { $queue }
sla-digest-line = { $number } „{ $subject }“, fällig { $due }
service-times-heading = Service-Level-Zeiten je Woche
service-times-intro = In Geschäftsstunden, für die Anfragen, deren Uhr in der Woche angehalten hat: der Median und das 90. Perzentil (neun von zehn dauerten höchstens so lange).
service-times-median = Median
service-times-p90 = 90. Perzentil
service-times-first-desc = Geschäftsstunden bis zur ersten Antwort je Woche: Median und 90. Perzentil.
service-times-resolution-desc = Geschäftsstunden bis zum Abschluss je Woche: Median und 90. Perzentil.
queue-sla-any = Alle
