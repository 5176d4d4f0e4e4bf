# Gemeinsame Formularwörter
form-has-errors = Bitte korrigieren Sie die markierten Felder.
select-placeholder = Bitte wählen
field-choose = Wählen Sie eine der Möglichkeiten.
field-required = Bitte füllen Sie dieses Feld aus.
field-too-long = Das ist zu lang.
field-invalid-characters = Das Feld enthält unzulässige Zeichen.
field-phone-invalid = Geben Sie eine Telefonnummer mit mindestens 6 Ziffern an (nur Ziffern, Leerzeichen und + ( ) - / .).
field-email = E-Mail-Adresse
field-password = Passwort
field-password-confirm = Passwort wiederholen
field-new-password = Neues Passwort
field-current-password = Aktuelles Passwort
field-first-name = Vorname
field-last-name = Nachname
field-phone = Telefon
field-language = Sprache
field-company-name = Firmenname
field-street = Straße und Hausnummer
field-postal-code = Postleitzahl
field-city = Ort
field-country = Land
field-recipient = Empfänger
field-recipient-hint = Person oder Firma, wie sie auf dem Paket stehen soll.
field-security-question = Sicherheitsfrage
field-security-answer = Antwort
email-invalid = Geben Sie eine E-Mail-Adresse wie name@beispiel.de an.
country-unknown = Wählen Sie ein Land aus der Liste.
language-unknown = Wählen Sie eine Sprache aus der Liste.
account-type-unknown = Wählen Sie eine der Kontoarten.
password-hint = Mindestens 12 Zeichen. Länger ist besser: Ein Satz aus mehreren Wörtern ist leicht zu merken und schwer zu erraten.
password-too-short = Das Passwort muss mindestens 12 Zeichen haben.
password-too-long = Das Passwort darf höchstens 128 Zeichen haben.
password-is-email = Das Passwort darf nicht Ihre E-Mail-Adresse sein.
password-too-weak = Dieses Passwort ist zu leicht zu erraten. Wählen Sie ein längeres, zum Beispiel mehrere Wörter ohne Zusammenhang.
password-mismatch = Die beiden Passwörter stimmen nicht überein.
security-question-unknown = Wählen Sie eine Frage aus der Liste.
security-answer-hint = Mindestens 3 Zeichen. Groß- und Kleinschreibung sowie Akzente spielen keine Rolle.
security-answer-too-short = Die Antwort muss mindestens 3 Zeichen haben.
security-answer-wrong = Diese Antwort stimmt nicht. Prüfen Sie die Schreibweise und versuchen Sie es noch einmal.
terms-not-accepted = Bitte akzeptieren Sie die Nutzungsbedingungen und die Datenschutzerklärung, um sich zu registrieren.
current-password-wrong = Das ist nicht Ihr aktuelles Passwort.
action-edit = Bearbeiten
action-delete = Löschen
action-cancel = Abbrechen
logout = Abmelden
role-admin = Administrator
role-member = Mitarbeiter

# Kontoarten
account-type-installer = Installateur (Installationsbetrieb)
account-type-operator = Anlagenbetreiber (Eigentümer einer Anlage)
account-type-wholesaler = Großhändler (Geschäftspartner)

# Sicherheitsfragen
security-question-first-pet = Wie hieß Ihr erstes Haustier?
security-question-childhood-street = In welcher Straße haben Sie als Kind gewohnt?
security-question-first-school = Wie hieß Ihre erste Schule?
security-question-parents-met = In welcher Stadt haben sich Ihre Eltern kennengelernt?
security-question-first-car = Welche Marke hatte Ihr erstes Auto?
security-question-childhood-friend = Wie lautet der Vorname Ihres besten Kindheitsfreundes?
security-question-first-job = Wo hatten Sie Ihre erste Arbeitsstelle?
security-question-favourite-teacher = Wie lautet der Nachname Ihrer Lieblingslehrkraft?

# Registrierung
register-title = Kostenlos registrieren
register-intro = Ein Konto pro Person. Installateure und Großhändler registrieren ihre Firma; wer eine Firma als Erster registriert, wird ihr Administrator und lädt Kollegen ein.
register-legend-account = Konto
register-account-type = Ich registriere mich als
register-account-type-hint = Installateure und Großhändler registrieren eine Firma; Anlagenbetreiber registrieren sich als Person.
register-email-hint = Das ist Ihr Anmeldename. Wir senden einen Bestätigungslink dorthin.
register-legend-person = Ansprechpartner
register-legend-address = Adresse
register-company-hint = Pflicht für Installateure und Großhändler.
register-legend-security = Sicherheitsfrage
register-security-hint = Wenn Sie Ihr Passwort vergessen, beantworten Sie diese Frage und erhalten einen Link, um ein neues festzulegen.
register-accept-before = Ich akzeptiere die
register-accept-and = und habe die folgende Erklärung gelesen:
register-submit = Registrieren
register-have-account = Schon registriert?
register-sent-title = Bitte prüfen Sie Ihr Postfach
register-sent-text = Wir haben eine E-Mail an die angegebene Adresse gesendet. Öffnen Sie den Link darin innerhalb von { $hours } Stunden, um Ihr Konto zu aktivieren.
register-sent-spam = Nach ein paar Minuten keine E-Mail? Sehen Sie im Spam-Ordner nach, oder
company-exists-title = Diese Firma ist bereits registriert
company-exists-text = { $company } hat bereits ein Konto im Portal.
company-exists-next = Bitten Sie den Administrator Ihrer Firma, Sie einzuladen: Wir haben ihn über Ihre Anfrage informiert. Die Einladungs-E-Mail enthält einen Link, mit dem Sie Ihren Zugang anlegen.

# Bestätigung
confirm-done-title = Konto aktiviert
confirm-done-text = Vielen Dank: Ihre E-Mail-Adresse ist bestätigt und Ihr Konto ist aktiv.
confirm-used-title = Link bereits verwendet
confirm-used-text = Dieser Bestätigungslink wurde bereits verwendet. Ihr Konto ist aktiv: Sie können sich anmelden.
confirm-expired-title = Link abgelaufen
confirm-expired-text = Dieser Bestätigungslink ist zu alt. Fordern Sie einen neuen an: Das geht schnell.
confirm-unknown-title = Link ungültig
confirm-unknown-text = Dieser Bestätigungslink ist ungültig. Prüfen Sie, ob Sie ihn vollständig kopiert haben, oder fordern Sie einen neuen an.
confirm-resend-link = einen neuen Bestätigungslink anfordern
confirm-resend-title = Neuer Bestätigungslink
confirm-resend-text = Geben Sie die E-Mail-Adresse an, mit der Sie sich registriert haben. Wartet ihr Konto noch auf die Bestätigung, senden wir einen neuen Link.
confirm-resend-submit = Neuen Link senden
confirm-resend-sent = Wartet ein Konto mit dieser Adresse auf die Bestätigung, ist ein neuer Link unterwegs.

# Anmeldung
login-failed = E-Mail-Adresse oder Passwort ist falsch.
login-throttled = Zu viele fehlgeschlagene Versuche von Ihrer Verbindung. Bitte warten Sie 15 Minuten und versuchen Sie es dann noch einmal.
login-unconfirmed = Ihre E-Mail-Adresse ist noch nicht bestätigt. Öffnen Sie den Link in der E-Mail, die wir Ihnen gesendet haben, oder

# Passwort vergessen
forgot-title = Passwort vergessen?
forgot-intro = Geben Sie die E-Mail-Adresse an, mit der Sie sich anmelden. Danach beantworten Sie Ihre Sicherheitsfrage und erhalten einen Link, um ein neues Passwort festzulegen.
forgot-locked = Zu Ihrer Sicherheit wurde Ihr Konto nach { $max } fehlgeschlagenen Anmeldungen gesperrt. Legen Sie ein neues Passwort fest, um es zu entsperren.
forgot-next = Weiter
forgot-question-intro = Beantworten Sie die Sicherheitsfrage von { $email }.
forgot-answer-hint = Groß- und Kleinschreibung sowie Akzente spielen keine Rolle.
forgot-send = Link senden
forgot-sent-title = Bitte prüfen Sie Ihr Postfach
forgot-sent-text = Wir haben Ihnen eine E-Mail mit einem Link gesendet, um ein neues Passwort festzulegen. Er funktioniert einmal, innerhalb von { $minutes } Minuten.
reset-title = Neues Passwort festlegen
reset-submit = Neues Passwort speichern
reset-invalid-title = Dieser Link funktioniert nicht
reset-used-text = Dieser Link wurde bereits verwendet. Jeder Link funktioniert nur einmal.
reset-expired-text = Dieser Link ist zu alt. Fordern Sie einen neuen an.
reset-unknown-text = Dieser Link ist ungültig. Prüfen Sie, ob Sie ihn vollständig kopiert haben, oder fordern Sie einen neuen an.
reset-again = Neuen Link anfordern
reset-done-title = Passwort geändert
reset-done-text = Ihr neues Passwort ist gespeichert und Ihr Konto entsperrt. Sie können sich jetzt anmelden.

# Mein Profil
profile-contact = Kontaktdaten
profile-email-fixed = Ihre E-Mail-Adresse ist Ihr Anmeldename und kann hier nicht geändert werden. Um sie zu ändern,
profile-email-contact = schreiben Sie uns
profile-company = Firma
profile-language-hint = Seiten und E-Mails verwenden diese Sprache.
profile-info-requests = Informationswünsche
profile-info-hint = Wählen Sie, was Sie per E-Mail erhalten möchten.
profile-info-since = seit
info-topic-product-news = Produktneuheiten und Firmware-Updates
info-topic-service-notices = Servicehinweise zu meinen Geräten
info-topic-training = Schulungen und Webinare für Installateure
profile-save = Speichern
profile-addresses = Lieferadressen
profile-addresses-hint = Austauschgeräte werden an eine dieser Adressen gesendet.
profile-addresses-empty = Noch keine Lieferadresse.
address-default = Standard
address-make-default = Als Standardadresse verwenden
address-add = Adresse hinzufügen
address-edit = Lieferadresse bearbeiten
address-delete-title = Diese Lieferadresse löschen?
address-delete-text = Diese Adresse wird für Austauschgeräte nicht mehr angeboten. Bereits gesendete Anfragen behalten sie.
profile-legal = Rechtliche Dokumente
legal-privacy-download = Datenschutzerklärung herunterladen
legal-terms-download = Nutzungsbedingungen herunterladen
saved-profile = Ihre Kontaktdaten wurden gespeichert.
saved-address = Die Lieferadresse wurde gespeichert.
saved-address-deleted = Die Lieferadresse wurde gelöscht.
saved-password = Ihr Passwort wurde geändert. Ihre anderen Sitzungen wurden beendet.
saved-question = Ihre Sicherheitsfrage wurde geändert.

# Meine Zugangsdaten
access-password = Passwort ändern
access-password-hint = Hier bleiben Sie angemeldet; alle anderen Sitzungen werden beendet.
access-password-submit = Passwort ändern
access-question = Sicherheitsfrage
access-question-submit = Sicherheitsfrage speichern

# E-Mails
mail-signature = { $team } · { $instance }
mail-confirm-subject = Bestätigen Sie Ihre Registrierung bei { $instance }
mail-confirm-body =
    Guten Tag { $name },

    vielen Dank für Ihre Registrierung bei { $instance }. Bitte bestätigen Sie Ihre E-Mail-Adresse, indem Sie diesen Link innerhalb von { $hours } Stunden öffnen:

    { $link }

    Wenn Sie sich nicht registriert haben, ignorieren Sie diese E-Mail: Ohne Bestätigung geschieht nichts.
mail-already-registered-subject = Registrierungsversuch mit Ihrer E-Mail-Adresse
mail-already-registered-body =
    Guten Tag { $name },

    jemand hat versucht, sich bei { $instance } mit Ihrer E-Mail-Adresse zu registrieren, zu der bereits ein Konto besteht. Wenn Sie es waren, melden Sie sich einfach an:

    { $login }

    Passwort vergessen? Legen Sie hier ein neues fest: { $forgot }

    Wenn Sie es nicht waren, müssen Sie nichts tun.
mail-company-exists-subject = { $requester } möchte { $company } beitreten
mail-company-exists-body =
    Guten Tag { $name },

    { $requester } ({ $email }) hat versucht, { $company } bei { $instance } zu registrieren. Die Firma hat bereits ein Konto, dessen Administrator Sie sind.

    Wenn diese Person mit Ihnen arbeitet, laden Sie sie als Mitarbeiter ein: { $members }
mail-reset-subject = Neues Passwort für { $instance } festlegen
mail-reset-body =
    Guten Tag { $name },

    öffnen Sie diesen Link innerhalb von { $minutes } Minuten, um ein neues Passwort festzulegen. Er funktioniert einmal.

    { $link }

    Wenn Sie nichts angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.
mail-password-changed-subject = Ihr Passwort bei { $instance } wurde geändert
mail-password-changed-body =
    Guten Tag { $name },

    das Passwort Ihres Kontos bei { $instance } wurde soeben geändert, und Ihre anderen Sitzungen wurden beendet.

    Wenn Sie das nicht waren, legen Sie sofort ein neues Passwort fest: { $forgot }
    und informieren Sie uns unter { $contact }.

# Sitzungen (Meine Zugangsdaten und die Personenseite des Service-Desks)
sessions-heading = Sitzungen
sessions-hint = Jeder Browser, der mit Ihrem Konto angemeldet ist. Melden Sie ab, was Sie nicht kennen, und ändern Sie Ihr Passwort.
sessions-browser = Browser
sessions-browser-on = { $browser } unter { $system }
sessions-unknown-browser = Unbekannter Browser
sessions-address = Adresse
sessions-started = Angemeldet
sessions-last-seen = Zuletzt aktiv
sessions-actions = Aktionen
sessions-this = Diese Sitzung
sessions-end = Abmelden
sessions-end-label = { $browser } abmelden, zuletzt aktiv { $when }
sessions-end-others = Überall sonst abmelden
sessions-none = Keine offenen Sitzungen.
saved-session-ended = Die Sitzung wurde abgemeldet.
saved-sessions-ended = Alle anderen Sitzungen wurden abgemeldet.

# Anmeldung in zwei Schritten (Meine Zugangsdaten, zweiter Schritt der Anmeldung)
two-factor-title = Anmeldung in zwei Schritten
two-factor-required-notice = Das Service-Team meldet sich in zwei Schritten an. Richten Sie die Anmeldung in zwei Schritten jetzt ein: Vorher öffnet sich nichts anderes.
two-factor-off-summary = Die Anmeldung fragt nur nach Ihrem Passwort. Mit der Anmeldung in zwei Schritten fragt sie zusätzlich nach einem Code aus einer App auf Ihrem Telefon, sodass ein gestohlenes Passwort allein Ihr Konto nicht öffnet.
two-factor-set-up = Anmeldung in zwei Schritten einrichten
two-factor-manage = Anmeldung in zwei Schritten verwalten
two-factor-off-heading = Anmeldung in zwei Schritten einrichten
two-factor-intro = Nach dem Passwort fragt die Anmeldung dann nach einem sechsstelligen Code, den eine Authenticator-App auf Ihrem Telefon anzeigt und alle 30 Sekunden wechselt.
two-factor-apps = Jede Authenticator-App ist geeignet, zum Beispiel FreeOTP, Aegis, Google Authenticator oder Microsoft Authenticator. Die App braucht keine Verbindung zu diesem Portal.
two-factor-password-first = Ihr aktuelles Passwort, zur Bestätigung, dass Sie es sind.
two-factor-start = Weiter
two-factor-setup-heading = Authenticator-App verbinden
two-factor-step-scan = Fügen Sie in der App ein Konto hinzu und scannen Sie diesen QR-Code.
two-factor-qr-label = QR-Code für die Authenticator-App
two-factor-step-type = Scannen geht nicht? Geben Sie stattdessen diesen Schlüssel in die App ein (zeitbasiert, 6 Ziffern, 30 Sekunden):
two-factor-key = Schlüssel
two-factor-key-hint = Behalten Sie den Schlüssel für sich: Wer ihn hat, kann Ihre Codes erzeugen.
two-factor-code = Code aus der App
two-factor-code-hint = Die sechs Ziffern, die die App gerade anzeigt.
two-factor-confirm = Anmeldung in zwei Schritten einschalten
two-factor-codes-heading = Ihre Wiederherstellungscodes
two-factor-now-on = Die Anmeldung in zwei Schritten ist eingeschaltet. Ihre anderen Sitzungen wurden abgemeldet.
two-factor-codes-intro = Wenn Sie Ihr Telefon verlieren, melden Sie sich mit einem dieser Codes statt mit einem Code aus der App an. Jeder Code gilt einmal.
two-factor-codes-once = Sie werden nur jetzt angezeigt. Drucken Sie sie aus oder bewahren Sie sie in einem Passwort-Manager auf, nicht auf Ihrem Telefon.
two-factor-codes-saved = Ich habe meine Wiederherstellungscodes gesichert
saved-two-factor-on = Die Anmeldung in zwei Schritten ist eingeschaltet.
two-factor-on-heading = Die Anmeldung in zwei Schritten ist eingeschaltet
two-factor-on-since = Die Anmeldung fragt seit dem { $date } nach einem Code aus Ihrer Authenticator-App.
two-factor-recovery-left = { $count ->
    [0] Kein Wiederherstellungscode mehr übrig: Erzeugen Sie neue.
    [one] Noch ein unbenutzter Wiederherstellungscode.
   *[other] Noch { $count } unbenutzte Wiederherstellungscodes.
}
two-factor-renew-heading = Neue Wiederherstellungscodes
two-factor-renew-hint = Erzeugt zehn neue Codes; die alten gelten sofort nicht mehr.
two-factor-renew = Neue Wiederherstellungscodes erzeugen
two-factor-turn-off-heading = Anmeldung in zwei Schritten ausschalten
two-factor-turn-off-hint = Die Anmeldung fragt dann nur nach Ihrem Passwort. Ihre anderen Sitzungen werden abgemeldet.
two-factor-code-or-recovery = Code aus der App oder ein Wiederherstellungscode
two-factor-turn-off = Anmeldung in zwei Schritten ausschalten
two-factor-required-staff = Konten des Service-Teams müssen sich auf dieser Instanz in zwei Schritten anmelden; das lässt sich nicht ausschalten.
saved-two-factor-off = Die Anmeldung in zwei Schritten ist ausgeschaltet. Ihre anderen Sitzungen wurden abgemeldet.
two-factor-already-on = Die Anmeldung in zwei Schritten ist bereits eingeschaltet.
two-factor-setup-gone = Diese Einrichtung wartet nicht mehr auf einen Code. Beginnen Sie neu.
two-factor-code-missing = Geben Sie den Code ein.
two-factor-code-wrong = Dieser Code stimmt nicht oder wurde schon benutzt. Geben Sie den Code ein, den die App gerade anzeigt.
two-factor-code-malformed = Geben Sie die sechs Ziffern aus der App ein oder einen Wiederherstellungscode wie abcd-efgh-jkmn-pqrs.
two-factor-not-on = Die Anmeldung in zwei Schritten ist nicht eingeschaltet.
login-code-heading = Zweiter Schritt
login-code-intro = Ihr Passwort stimmt. Geben Sie jetzt den Code ein, den Ihre Authenticator-App anzeigt.
login-code-hint = Telefon verloren? Geben Sie stattdessen einen Ihrer Wiederherstellungscodes ein.
login-code-submit = Anmelden
login-code-restart = Neu beginnen
login-code-gone = Die Zeit für den zweiten Schritt ist abgelaufen. Melden Sie sich erneut an.
mail-two-factor-on-subject = Die Anmeldung in zwei Schritten ist für Ihr Konto bei { $instance } eingeschaltet
mail-two-factor-on-body =
    Hallo { $name },

    für Ihr Konto bei { $instance } wurde soeben die Anmeldung in zwei Schritten eingeschaltet: Nach dem Passwort wird jetzt ein Code aus Ihrer Authenticator-App verlangt. Ihre anderen Sitzungen wurden beendet.

    Wenn Sie das nicht waren, setzen Sie sofort ein neues Passwort: { $forgot }
    und informieren Sie uns unter { $contact }.
mail-two-factor-off-subject = Die Anmeldung in zwei Schritten ist für Ihr Konto bei { $instance } ausgeschaltet
mail-two-factor-off-body =
    Hallo { $name },

    für Ihr Konto bei { $instance } wurde soeben die Anmeldung in zwei Schritten ausgeschaltet: Die Anmeldung fragt nur noch nach dem Passwort. Ihre anderen Sitzungen wurden beendet.

    Wenn Sie das nicht waren, setzen Sie sofort ein neues Passwort: { $forgot }
    schalten Sie die Anmeldung in zwei Schritten wieder ein: { $access }
    und informieren Sie uns unter { $contact }.
mail-two-factor-reset-subject = Ihre Anmeldung in zwei Schritten bei { $instance } wurde zurückgesetzt
mail-two-factor-reset-body =
    Hallo { $name },

    das Service-Team hat die Anmeldung in zwei Schritten Ihres Kontos bei { $instance } zurückgesetzt: Die Anmeldung fragt nur noch nach Ihrem Passwort, und alle Sitzungen wurden beendet.

    Schalten Sie sie mit Ihrer Authenticator-App wieder ein: { $access }

    Wenn Sie das nicht veranlasst haben, informieren Sie uns sofort unter { $contact }.
mail-recovery-code-used-subject = Bei { $instance } wurde mit einem Wiederherstellungscode angemeldet
mail-recovery-code-used-body =
    Hallo { $name },

    soeben hat sich jemand mit einem Ihrer Wiederherstellungscodes bei Ihrem Konto bei { $instance } angemeldet. Übrige Wiederherstellungscodes: { $left }.

    Wenn Sie das waren, erzeugen Sie neue Codes, wenn nur noch wenige übrig sind: { $access }
    Wenn nicht, setzen Sie sofort ein neues Passwort: { $forgot }
    und informieren Sie uns unter { $contact }.

# Der erste Start (noch kein Konto des Service-Teams)
first-run-not-set-up = Dieses Portal ist noch nicht eingerichtet.
first-run-not-set-up-detail = Sein Service-Team hat noch kein Konto, daher können Anfragen noch nicht gelesen werden und werden nicht angenommen. Wer diese Instanz betreibt: Öffnen Sie den Einrichtungslink aus dem Protokoll des Servers oder führen Sie osc staff add aus.
first-run-closed-title = Noch keine Anfragen möglich
first-run-back = Zurück zur Startseite
first-run-title = Dieses Portal einrichten
first-run-intro = Legen Sie das erste Konto des Service-Teams an. Es meldet sich dann am Service-Desk an und richtet dort die Anmeldung in zwei Schritten ein; weitere Konten des Teams entstehen mit osc staff add.
first-run-name = Vollständiger Name
first-run-name-hint = Vor- und Nachname, zum Beispiel Sam Service.
first-run-submit = Konto des Service-Teams anlegen
first-run-done-title = Das Portal ist eingerichtet
first-run-done = Das Konto { $email } des Service-Teams ist bereit. Melden Sie sich an, um die Anmeldung in zwei Schritten einzurichten und den Service-Desk zu öffnen.
first-run-set-up-already = Dieses Portal ist bereits eingerichtet: Sein Service-Team hat ein Konto. Melden Sie sich an oder lassen Sie sich von einer Kollegin oder einem Kollegen mit osc staff add hinzufügen.
first-run-link-invalid = Dieser Einrichtungslink funktioniert nicht (mehr). Solange kein Konto des Service-Teams existiert, schreibt jeder Start des Servers einen neuen in sein Protokoll.
setup-name-two-words = Geben Sie Vor- und Nachnamen ein.
setup-email-taken = Diese E-Mail-Adresse hat bereits ein Konto. Verwenden Sie für das Service-Team eine andere.
login-email-missing = Geben Sie Ihre E-Mail-Adresse ein.
login-password-missing = Geben Sie Ihr Passwort ein.
postal-code-4-digits = Geben Sie die Postleitzahl mit 4 Ziffern ein, zum Beispiel 8010.
postal-code-5-digits = Geben Sie die Postleitzahl mit 5 Ziffern ein, zum Beispiel 34266.
postal-code-cz = Geben Sie die Postleitzahl mit 5 Ziffern ein, zum Beispiel 110 00.
postal-code-nl = Geben Sie die Postleitzahl mit 4 Ziffern und 2 Buchstaben ein, zum Beispiel 1234 AB.
postal-code-pl = Geben Sie die Postleitzahl mit 5 Ziffern ein, zum Beispiel 00-950.
postal-code-pt = Geben Sie die Postleitzahl mit 7 Ziffern ein, zum Beispiel 1000-001.
postal-code-gb = Geben Sie eine britische Postleitzahl ein, zum Beispiel SW1A 1AA.
data-title = Meine Daten herunterladen
data-intro = Eine Datei (ZIP) mit Ihrem Konto, Ihren Adressen, den von Ihnen betriebenen Anlagen mit ihren Geräten, Ihren Anfragen mit Nachrichten und angehängten Dateien sowie dem Verlauf Ihres Kontos. Sie wird im Hintergrund erstellt und 24 Stunden aufbewahrt; nur Sie können sie herunterladen.
data-prepare = Meine Daten zusammenstellen
data-progress-label = Fortschritt
data-running = Die Datei wird erstellt: { $done } von { $total } Anfragen geschrieben.
data-running-hint = Diese Seite lädt sich selbst neu, bis die Datei fertig ist.
data-reload = Neu laden, um zu sehen, ob sie fertig ist
data-ready = Die Datei ist fertig ({ $size }). Sie kann bis { $until } heruntergeladen werden.
data-download = Datei herunterladen
data-again = Neu zusammenstellen
data-failed = Die Datei konnte nicht erstellt werden. Bitte versuchen Sie es erneut; wenn es wieder misslingt, wenden Sie sich an { $team }.

# API-Zugangstoken (Meine Zugangsdaten)
api-tokens-title = API-Zugangstoken
api-tokens-intro = Mit einem Token nutzt ein Programm, etwa Ihr ERP oder Ihre Anlagenüberwachung, die API des Portals in Ihrem Namen: Es sieht und tut, was Sie hier sehen und tun, im Rahmen der Berechtigungen, die Sie ihm geben.
api-tokens-summary = { $count ->
    [0] Sie haben keine API-Zugangstoken.
    [one] Sie haben ein API-Zugangstoken.
   *[other] Sie haben { $count } API-Zugangstoken.
}
api-tokens-manage = API-Zugangstoken verwalten
api-tokens-yours = Ihre Token
api-tokens-none = Noch keine Token.
api-token-name = Name
api-token-name-hint = Wofür das Token ist, z. B. „ERP“ oder „Überwachung“.
api-token-scopes = Berechtigungen
api-token-scope-read = Lesen
api-token-scope-read-hint = Anfragen, Anlagen und Geräte ansehen
api-token-scope-write = Schreiben
api-token-scope-write-hint = Anfragen stellen, Nachrichten hinzufügen, Geräte registrieren
api-token-company-wide = Firmenweit
api-token-company-wide-hint = sieht die Anfragen und Anlagen Ihrer Firma wie Sie als Administrator; sonst nur Ihre eigenen
api-token-company-wide-badge = firmenweit
api-token-lifetime = Gültig für
api-token-lifetime-90 = 90 Tage
api-token-lifetime-30 = 30 Tage
api-token-lifetime-365 = ein Jahr
api-token-lifetime-never = bis zum Widerruf
api-token-created = Erstellt
api-token-expires = Läuft ab
api-token-expired = abgelaufen
api-token-never-expires = nie
api-token-last-used = Zuletzt genutzt
api-token-never-used = nie
api-token-revoke = Widerrufen
api-token-revoke-label = Das Token { $name } widerrufen
api-token-new = Neues Token
api-token-create = Token erstellen
api-token-made-title = Ihr neues Token
api-token-made = Das Token wurde erstellt.
api-token-once = Kopieren Sie es jetzt: Es wird nur dieses eine Mal angezeigt. Geht es verloren, widerrufen Sie es und erstellen Sie ein neues.
api-token-secret = Token
api-token-use = Programme senden es bei jeder Anfrage in diesem Header:
api-token-done = Ich habe es kopiert
api-token-no-scope = Wählen Sie mindestens eine Berechtigung.
api-token-company-wide-admins = Nur Administratoren einer Firma können firmenweite Token erstellen.
api-token-too-many = Sie haben die größtmögliche Zahl an Token (20). Widerrufen Sie zuerst eines, das Sie nicht mehr nutzen.
saved-api-token-revoked = Das Token wurde widerrufen: Es funktioniert nicht mehr.
