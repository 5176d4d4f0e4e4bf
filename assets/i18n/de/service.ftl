# Der Service-Desk (/service/…), gesperrte Konten, Änderungen der E-Mail-Adresse.

service-nav-label = Service-Desk
service-nav-dashboard = Übersicht
service-nav-queue = Warteschlange
service-nav-new-ticket = Neue Anfrage für einen Kunden
service-tab-new-ticket = Neue Anfrage
service-nav-people = Personen
service-nav-audit = Prüfprotokoll
service-nav-mail = E-Mail-Warteschlange
service-waited = { $days } T. { $hours } Std.

service-dashboard-title = Service-Desk
service-open-heading = Offene Anfragen ({ $count })
service-oldest-heading = Warten am längsten
service-queue-all = Die ganze Warteschlange
service-returns-heading = Defekte Geräte, nicht innerhalb von { $days } Werktagen zurückgegeben
service-returns-none = Jedes defekte Gerät, das abgeholt werden soll, liegt noch in seiner Abholfrist.
service-returns-all = { $count ->
    [one] Diese in der Warteschlange
   *[other] Alle { $count } in der Warteschlange (wartend seit über einer Woche)
}
service-returns-since = Wartet auf die Rückgabe seit
service-weeks-heading = Eröffnete und abgeschlossene Anfragen pro Woche (letzte 12 Wochen)
service-weeks-desc = Balkendiagramm: für jede der letzten zwölf Wochen die Zahl der eröffneten und die Zahl der abgeschlossenen Anfragen.
service-weeks-opened = Eröffnet
service-weeks-closed = Abgeschlossen
service-weeks-figures = Die Zahlen als Tabelle
service-weeks-week = Woche ab
service-mail-summary = { $waiting } E-Mails warten, { $failed } davon nach einem fehlgeschlagenen Versuch.
service-mail-open = E-Mail-Warteschlange öffnen

service-queue-title = Warteschlange
service-queue-intro = Alle Anfragen aller Kunden, gleich wie alt. Zunächst die offenen, die am längsten wartenden zuerst: Die Wartezeit zählt ab der Anfrage, der letzten Nachricht des Kunden oder dem letzten Statuswechsel.
service-queue-empty = Keine Anfrage passt.
service-assignee = Bearbeiter
service-assignee-anyone = Alle
service-assignee-me = Ich
service-assignee-none = Niemand
service-age = Wartet länger als
service-age-any = Beliebig
service-age-days = { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
}
service-company = Firma
service-company-none = Keine Firma heißt „{ $name }“.
service-company-several = Mehrere Firmen passen; wählen Sie eine:
service-company-shown = Anfragen von { $name }.
service-company-tickets = Anfragen dieser Firma
service-waiting = Wartet
service-assigned-to = Zugewiesen an { $name }.
service-assigned-nobody = Noch niemand hat diese Anfrage übernommen.
service-assign-to = Zuweisen an
service-assign-submit = Zuweisen
service-saved-assigned = Die Zuweisung ist gespeichert.

service-new-ticket-title = Neue Anfrage für einen Kunden
service-new-ticket-intro = Eine hier erfasste Anfrage gehört dem Kunden: Sie erscheint in seinem Ticket-Tracking, und er erhält die Bestätigung und jede Antwort per E-Mail.
service-customer = E-Mail-Adresse des Kunden
service-customer-hint = Die Adresse, mit der er sich anmeldet.
service-customer-find = Kunden nach Name oder Firma suchen
service-customer-unknown = Kein aktives Kundenkonto hat diese E-Mail-Adresse.
service-customer-other = Anderer Kunde
service-continue = Weiter
service-new-ticket-for = Für { $name } ({ $email }).
service-plant = Anlage
service-plant-none = Keine bestimmte Anlage
service-plant-not-theirs = Wählen Sie eine Anlage dieses Kunden.
service-new-ticket-message-hint = Das Anliegen des Kunden in Ihren Worten; die erste Zeile wird der Betreff.
service-new-ticket-submit = Anfrage erfassen

service-people-title = Personen
service-people-search = Name, E-Mail oder Firma
service-people-hint = Geben Sie einen Teil eines Namens, einer E-Mail-Adresse oder eines Firmennamens ein.
service-people-none = Niemand passt zu „{ $query }“.
service-people-found = { $count ->
    [one] 1 Person passt zu „{ $query }“.
   *[other] { $count } Personen passen zu „{ $query }“.
}
service-people-more = Nur die ersten 100 werden gezeigt: Ein weiteres Wort grenzt die Suche ein.
service-staff-account = Ein Konto des Service-Teams: Es wird über die Kommandozeile verwaltet (osc staff).
service-person = Name
service-role = Rolle
service-role-staff = Service-Team
service-status = Status
service-status-active = Aktiv
service-status-unconfirmed = Nicht bestätigt
service-status-removed = Entfernt
service-status-blocked = Gesperrt
service-status-locked = Blockiert nach Fehlversuchen
service-account-heading = Konto
service-registered = Registriert
service-last-login = Letzte Anmeldung
service-sessions = Offene Sitzungen
service-failed-logins = Fehlgeschlagene Anmeldungen in Folge
service-blocked-since = Gesperrt seit
service-block-reason = Grund der Sperre
service-block-hint = Pflichtfeld. Nur das Service-Team sieht ihn; er steht im Prüfprotokoll.
service-block = Konto sperren
service-block-not-possible = Dieses Konto kann nicht gesperrt werden (es ist bereits gesperrt oder wurde entfernt).
service-unblock = Sperre aufheben
service-unlock = Konto entsperren
service-unlock-hint = Das Konto ist nach Fehlversuchen blockiert oder hat Fehlversuche: Entsperren erlaubt sofort wieder die Anmeldung.
service-resend-confirmation = Bestätigungs-E-Mail erneut senden
service-actions-heading = Aktionen
service-new-email = Neue E-Mail-Adresse
service-new-email-hint = Die Anmeldung ändert sich, sobald die neue Adresse über den gesendeten Link bestätigt; die alte Adresse wird benachrichtigt.
service-change-email = E-Mail-Adresse ändern
service-email-taken = Ein anderes Konto hat diese E-Mail-Adresse.
service-email-same = Das ist bereits die E-Mail-Adresse des Kontos.
service-person-no-plants = Keine Anlagen.
service-person-no-tickets = Keine Anfragen.
service-history-heading = Verlauf
service-history-all = Der ganze Verlauf im Prüfprotokoll
service-saved-blocked = Das Konto ist gesperrt; seine Sitzungen sind beendet.
service-saved-unblocked = Die Sperre ist aufgehoben.
service-saved-unlocked = Das Konto ist entsperrt.
service-saved-email = Ein Bestätigungslink ging an die neue Adresse, eine Benachrichtigung an die alte.
service-saved-confirmation = Die Bestätigungs-E-Mail wurde erneut gesendet.
service-saved-confirmed-already = Das Konto hat seine E-Mail-Adresse bereits bestätigt.

service-audit-title = Prüfprotokoll
service-audit-intro = Jede Aktion des Service-Teams und jedes Sicherheitsereignis, neueste zuerst. Einträge werden nie geändert oder gelöscht.
service-audit-event = Ereignis
service-audit-user = Person (E-Mail oder Nummer)
service-audit-no-user = Kein Konto hat diese E-Mail-Adresse oder Nummer.
service-audit-when = Wann
service-audit-actor = Von
service-audit-address = Adresse
service-audit-subject = Betrifft
service-audit-detail = Einzelheiten
service-audit-empty = Keine Einträge.
service-audit-command-line = Kommandozeile
audit-event-login-failed = Fehlgeschlagene Anmeldung
audit-event-account-locked = Konto blockiert
audit-event-account-unlocked = Konto entsperrt
audit-event-account-blocked = Konto gesperrt
audit-event-account-unblocked = Sperre aufgehoben
audit-event-email-change-requested = E-Mail-Änderung angefordert
audit-event-email-changed = E-Mail geändert
audit-event-confirmation-resent = Bestätigung erneut gesendet
audit-event-role-changed = Rolle geändert
audit-event-account-removed = Konto entfernt
audit-event-invited = Mitarbeiter eingeladen
audit-event-ticket-assigned = Anfrage zugewiesen
audit-event-ticket-answered = Anfrage beantwortet
audit-event-ticket-moved = Anfrage weitergeführt
audit-event-ticket-created-for-customer = Anfrage für einen Kunden erfasst
audit-event-staff-added = Service-Konto angelegt
audit-event-sessions-ended = Sitzungen beendet
audit-event-mail-retried = E-Mail erneut versucht

audit-detail-password = falsches Passwort
audit-detail-security-answer = falsche Antwort auf die Sicherheitsfrage
audit-detail-unknown-email = kein Konto hat diese E-Mail-Adresse
audit-detail-answer = Antwort an den Kunden
audit-detail-internal-note = interne Notiz
audit-detail-admin = zum Administrator gemacht
audit-detail-installer = zum Installateur gemacht
audit-detail-command-line = über die Kommandozeile (osc staff)

service-mail-title = E-Mail-Warteschlange
service-mail-counts = { $waiting } wartend, { $sent } gesendet.
service-mail-show = Anzeigen
service-mail-waiting = Wartend
service-mail-failed = Fehlgeschlagen
service-mail-sent = Gesendet
service-mail-empty = Hier sind keine E-Mails.
service-mail-queued = Eingereiht
service-mail-to = An
service-mail-subject = Betreff
service-mail-error = Letzter Fehler
service-mail-attempts = { $count ->
    [one] 1 Versuch
   *[other] { $count } Versuche
}
service-mail-next = nächster:
service-mail-retry = Jetzt erneut senden
service-mail-retry-label = Die E-Mail an { $to } jetzt erneut senden
service-mail-retried = Die E-Mail wird jetzt erneut gesendet.
service-mail-sent-already = Diese E-Mail wurde bereits gesendet.

login-blocked = Dieses Konto ist gesperrt. Bitte wenden Sie sich an das Service-Team.
login-blocked-contact = Service-Team kontaktieren

email-change-done-title = E-Mail-Adresse geändert
email-change-done-text = Ihre Anmeldung lautet jetzt { $email }. Bitte melden Sie sich erneut an.
email-change-used-text = Dieser Link wurde bereits verwendet: Die E-Mail-Adresse ist geändert.
email-change-expired-text = Dieser Link ist abgelaufen; die E-Mail-Adresse wurde nicht geändert. Bitte bitten Sie das Service-Team um einen neuen Link.
email-change-unknown-text = Diesen Link kennen wir nicht. Bitte öffnen Sie den Link genau so, wie er in der E-Mail steht.
email-change-taken-title = E-Mail-Adresse nicht geändert
email-change-taken-text = Ein anderes Konto verwendet diese E-Mail-Adresse inzwischen, daher wurde sie nicht geändert.

mail-email-change-subject = Bestätigen Sie Ihre neue E-Mail-Adresse für { $instance }
mail-email-change-body =
    Hallo { $name },

    das Service-Team hat diese Adresse als Ihre neue Anmeldung bei { $instance } eingetragen. Bitte bestätigen Sie sie innerhalb von { $hours } Stunden über diesen Link:

    { $link }

    Bis dahin melden Sie sich weiter mit Ihrer bisherigen Adresse an. Wenn Sie das nicht veranlasst haben, ignorieren Sie diese E-Mail.
mail-email-change-notice-subject = Ihre E-Mail-Adresse bei { $instance } wird geändert
mail-email-change-notice-body =
    Hallo { $name },

    { $team } wurde gebeten, Ihre Anmeldung bei { $instance } auf { $email } zu ändern. Die Änderung gilt, sobald diese Adresse sie bestätigt.

    Wenn Sie das nicht veranlasst haben, schreiben Sie uns bitte sofort: { $contact }

service-sessions-heading = Sitzungen
service-sessions-hint = Eine beendete Sitzung meldet die Person in diesem Browser ab; sie kann sich wieder anmelden.
service-sessions-end = Sitzung beenden
service-sessions-end-all = Alle Sitzungen beenden
service-saved-session-ended = Die Sitzung wurde beendet.
service-saved-sessions-ended = Alle Sitzungen der Person wurden beendet.
service-two-factor = Anmeldung in zwei Schritten
service-two-factor-on = Eingeschaltet seit { $date }
service-two-factor-off = Aus
service-two-factor-reason = Grund für das Zurücksetzen der Anmeldung in zwei Schritten
service-two-factor-reason-hint = Zum Beispiel, wie die Person sich ausgewiesen hat. Wird im Audit-Protokoll festgehalten.
service-two-factor-reset = Anmeldung in zwei Schritten zurücksetzen
service-two-factor-staff = Die Anmeldung in zwei Schritten eines Service-Mitglieds wird auf der Kommandozeile des Servers zurückgesetzt (osc staff reset-2fa).
service-saved-two-factor-reset = Die Anmeldung in zwei Schritten ist zurückgesetzt: Die Person meldet sich nur mit dem Passwort an, alle Sitzungen wurden beendet, und sie wurde per E-Mail informiert.
service-two-factor-not-on = Diese Person hat keine Anmeldung in zwei Schritten, die sich zurücksetzen ließe.
audit-event-two-factor-on = Anmeldung in zwei Schritten eingeschaltet
audit-event-two-factor-off = Anmeldung in zwei Schritten ausgeschaltet
audit-event-recovery-code-used = Wiederherstellungscode benutzt
audit-event-recovery-codes-renewed = Wiederherstellungscodes erneuert
audit-event-person-erased = Person gelöscht
audit-event-data-exported = Personenbezogene Daten exportiert
audit-event-two-factor-reset = Anmeldung in zwei Schritten zurückgesetzt
service-branding-placeholder = Der Teamname „{ $team }“ und die Kontaktadresse { $contact }, die Kunden in jeder Fußzeile und E-Mail sehen, sind Platzhalter. Legen Sie sie unter [branding] in der Konfigurationsdatei fest (team_name, contact_email) und starten Sie neu.
service-backup-heading = Sicherungen
service-backup-written = Letzte Sicherung { $when }: { $size }, { $tickets } Anfragen.
service-backup-failed = Die letzte Sicherung, begonnen { $when }, ist fehlgeschlagen. `osc status` und das Protokoll des Servers nennen den Grund; der nächste Versuch folgt planmäßig, oder starten Sie `osc backup`.
service-backup-none = Noch keine Sicherung.
service-backup-schedule = Der Server sichert alle { $hours } Stunden und behält die letzten { $keep } im Ordner backups des Datenverzeichnisses.
service-backup-off = Geplante Sicherungen sind aus (backup.every_hours = 0): starten Sie `osc backup` selbst.
service-data-heading = Personenbezogene Daten
service-data-export = Daten exportieren
service-data-export-hint = Dieselbe Datei, die die Person mit „Meine Daten herunterladen“ erhält: Konto, Anlagen, Anfragen mit Nachrichten und Dateien sowie ihr Verlauf. Sie wird 24 Stunden aufbewahrt.
service-saved-export = Der Export wird erstellt.
service-erase-heading = Diese Person löschen
service-erase-hint = Löscht das Konto und ersetzt Name, E-Mail, Telefon und Adressen in jeder Anfrage, Nachricht und jedem Protokolleintrag, die sie enthalten; die Anfragen selbst, Seriennummern und RMA-Nummern bleiben. Ihre Sitzungen enden, die Suche findet sie nicht mehr. Dies kann nicht rückgängig gemacht werden.
service-erase-confirm = Geben Sie zur Bestätigung die E-Mail-Adresse der Person ein
service-erase-submit = Endgültig löschen
service-erase-mismatch = Das ist nicht die E-Mail-Adresse der Person; nichts wurde gelöscht.
service-erase-last-admin = Diese Person ist die letzte Administratorin bzw. der letzte Administrator einer Firma, die noch Mitglieder hat: Machen Sie zuerst ein anderes Mitglied zur Administration.
service-erase-self = Sie können Ihr eigenes Konto nicht löschen.
service-erased = Die Person wurde gelöscht; { $tickets } Anfragen nennen sie nicht mehr.

service-nav-inbox = Eingehende E-Mails
service-mail-bounced = Zurückgewiesen
audit-event-inbox-retried = Zurückgehaltene E-Mail erneut versucht
audit-event-api-token-created = API-Token erstellt
audit-event-api-token-revoked = API-Token widerrufen
audit-event-api-write = Änderung über die API
audit-event-webhook-added = Webhook eingerichtet
audit-event-webhook-removed = Webhook gelöscht
service-inbox-title = Eingehende E-Mails
service-inbox-retried = Die Nachricht wurde zurückgelegt; sie wird in wenigen Sekunden erneut gelesen.
service-inbox-gone = Die Nachricht lag nicht mehr im Ordner der zurückgehaltenen; ihre Zeile wurde entfernt.
service-inbox-reads = Antworten und Anfragen per E-Mail werden gelesen aus dem Maildir
service-inbox-reads-imap = Antworten und Anfragen per E-Mail werden per IMAP gelesen aus dem Ordner
service-inbox-works = Das Postfach wird seit { $since } ohne Störung gelesen.
service-inbox-fails = Das Postfach kann seit { $since } nicht gelesen werden; die E-Mails warten dort und werden gelesen, sobald es wieder geht. Die letzte Antwort:
service-inbox-off = Eingehende E-Mails sind ausgeschaltet (mail_in.source = "off").
service-inbox-address = Kunden schreiben an
service-inbox-no-address = Keine Service-Adresse eingestellt (mail_in.address): Antworten auf Benachrichtigungen gehen an die Absenderadresse und werden über ihre Kopfzeilen der Anfrage zugeordnet.
service-inbox-connect = Ein Postfach anbinden
service-inbox-connect-imap = Ein Postfach bei einem Anbieter: mail_in.source = "imap" mit imap_host, imap_user und imap_password (oder der Umgebungsvariablen OSC_MAIL_IN_IMAP_PASSWORD) setzen, dazu imap_security = "starttls", wenn der Server nicht von Anfang an TLS spricht. Neue E-Mails werden aus imap_folder gelesen, sobald der Server sie meldet; eine verarbeitete wird nach processed_folder verschoben, eine zurückgehaltene nach held_folder, keine wird gelöscht.
service-inbox-connect-maildir = Ein Mailserver auf diesem Rechner: Postfix oder OpenSMTPD in das Maildir zustellen lassen (mail_in.source = "maildir"), oder fetchmail bzw. getmail ein beliebiges Postfach dorthin abholen lassen.
service-inbox-connect-address = Danach mail_in.address auf die Adresse dieses Postfachs setzen und das Portal neu starten.
service-inbox-held = Zurückgehaltene Nachrichten
service-inbox-held-intro = Nachrichten, aus denen keine Anfrage oder Antwort werden konnte, werden beiseitegelegt, nie gelöscht. „Erneut versuchen“ legt eine zurück, damit sie noch einmal gelesen wird.
service-inbox-empty = Keine Nachricht wird zurückgehalten.
service-inbox-when = Zurückgehalten
service-inbox-from = Von
service-inbox-size = Größe
service-inbox-reason = Grund
service-inbox-reason-unreadable = Keine lesbare E-Mail
service-inbox-reason-too-large = Größer als erlaubt
service-inbox-reason-too-many = Zu viele von diesem Absender in dieser Stunde
service-inbox-reason-failed = Konnte nicht gespeichert werden
service-inbox-download = Herunterladen
service-inbox-download-label = Nachricht { $file } herunterladen
service-inbox-retry = Erneut versuchen
service-inbox-retry-label = Nachricht { $file } erneut versuchen
