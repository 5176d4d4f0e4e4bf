# Rahmen: Kopfleiste, Navigation, Fußzeile
skip-to-content = Zum Inhalt springen
lang-switch-label = Sprache
nav-label = Hauptnavigation
nav-menu = Menü
nav-profile = Mein Profil
nav-access = Meine Zugangsdaten
nav-plants = Anlagenübersicht
nav-tickets = Ticket-Verfolgung
nav-members = Mitarbeiter einladen
nav-service = Service-Desk
footer-operated-by = betrieben von { $team }
footer-privacy = Datenschutzerklärung
footer-terms = Nutzungsbedingungen
footer-contact = Kontakt

# Startseite
home-title = Willkommen
home-heading = Service für Ihre Solaranlagen, an einem Ort
home-lead = { $instance } ist das Serviceportal für Installationsbetriebe, Anlagenbetreiber und Großhändler: Anlagen und Geräte verwalten, Garantien im Blick behalten und das Serviceteam ohne Warteschleife erreichen.
home-feature-plants = Anlagen und Geräte
home-feature-plants-text = Registrieren Sie Anlagen mit Teilanlagen und Geräten per Seriennummer und legen Sie Stringpläne und Dokumente dazu ab.
home-feature-tickets = Serviceanfragen
home-feature-tickets-text = Bitten Sie um Hilfe oder ein Austauschgerät und verfolgen Sie jeden Schritt in der Ticket-Verfolgung.
home-feature-warranty = Garantie auf einen Blick
home-feature-warranty-text = Sehen Sie für jeden Wechselrichter, wie lange die Garantie läuft und ob sie verlängert werden kann.
login-heading = Anmelden
login-email = E-Mail-Adresse
login-password = Passwort
login-submit = Anmelden
login-forgot = Passwort vergessen?
register-heading = Neu hier?
register-lead = Installateure, Großhändler und Anlagenbetreiber registrieren sich in wenigen Minuten.
register-cta = Kostenlos registrieren

# Fehlerseiten
error-back-home = Zurück zur Startseite
error-404-title = Seite nicht gefunden
error-404-text = Diese Seite gibt es nicht, oder sie ist für Sie nicht zugänglich. Prüfen Sie die Adresse oder beginnen Sie auf der Startseite.
error-405-title = Diese Adresse öffnet sich so nicht
error-405-text = Diese Adresse nimmt die Antwort eines Formulars entgegen, keinen Aufruf (etwa nach dem Neuladen oder aus einem Lesezeichen). Gehen Sie zurück zur Seite mit dem Formular oder beginnen Sie auf der Startseite.
error-403-title = Anfrage abgelehnt
error-403-text = Das Formular war nicht mehr aktuell oder die Anfrage konnte nicht geprüft werden. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es noch einmal.
error-400-title = Anfrage nicht verstanden
error-400-text = Die Anfrage konnte nicht verarbeitet werden. Gehen Sie zurück und versuchen Sie es noch einmal.
error-408-title = Zeitüberschreitung
error-408-text = Die Anfrage hat zu lange gedauert und wurde abgebrochen. Bitte versuchen Sie es gleich noch einmal.
error-413-title = Zu viele Daten
error-413-text = Was Sie gesendet haben, ist größer als das Portal annimmt. Senden Sie eine kleinere Datei oder weniger Text.
error-429-title = Bitte warten Sie ein wenig
error-429-text = Dieses Formular wurde aus Ihrem Netzwerk zu oft gesendet. Bitte versuchen Sie es in einer Stunde erneut.
error-500-title = Etwas ist schiefgelaufen
error-500-text = Bei uns ist ein unerwarteter Fehler aufgetreten. Er wurde protokolliert; bitte versuchen Sie es später noch einmal.
error-503-title = Vorübergehend nicht verfügbar
error-503-text = Das Portal kann gerade nicht antworten. Bitte versuchen Sie es in einigen Minuten noch einmal.

# Rechtliche Seiten
legal-privacy-title = Datenschutzerklärung
legal-terms-title = Nutzungsbedingungen
