## Webhooks (/webhooks)

nav-webhooks = Webhooks
webhooks-title = Webhooks
webhooks-intro-company = Ein Webhook teilt einem anderen System (Ihrem ERP, Ihrem Chat, Ihrem Monitoring) sofort mit, was mit den Anfragen oder Anlagen Ihrer Firma geschieht: Das Portal sendet eine signierte JSON-Nachricht an die Adresse, die Sie angeben.
webhooks-intro-staff = Ein Webhook teilt einem anderen System (dem Team-Chat, einem Ticketsystem) sofort mit, was mit einer Anfrage oder Anlage geschieht, interne Notizen eingeschlossen: Das Portal sendet eine signierte JSON-Nachricht an die Adresse, die Sie angeben.
webhooks-manage = Webhooks verwalten
webhooks-how = So prüfen Sie die Signatur
webhooks-yours = Endpunkte
webhooks-none = Noch kein Endpunkt eingerichtet.
webhook-url = Adresse (URL)
webhook-url-hint = Eine http- oder https-Adresse, etwa https://erp.example.com/hooks/osc. Adressen in Ihrem eigenen Netz werden abgelehnt, sofern der Administrator des Portals sie nicht erlaubt hat.
webhook-events = Ereignisse
webhook-state = Zustand
webhook-created = Eingerichtet
webhook-new = Endpunkt einrichten
webhook-create = Endpunkt einrichten
webhook-state-active = Aktiv
webhook-state-failing = Fehlschläge
webhook-state-paused = Pausiert
webhook-event-request-created = eine Serviceanfrage wurde gestellt
webhook-event-request-state-changed = eine Anfrage hat ihren Status gewechselt
webhook-event-request-message-added = eine Nachricht kam zu einer Anfrage hinzu
webhook-event-plant-created = eine Anlage wurde registriert
webhook-event-device-registered = ein Gerät wurde in einer Anlage registriert
webhook-event-device-swapped = ein Ersatzgerät hat den Platz eines Geräts eingenommen
webhook-events-none = Wählen Sie mindestens ein Ereignis.
webhook-url-too-long = Die Adresse darf höchstens 500 Zeichen haben.
webhook-url-not-http = Geben Sie eine vollständige http- oder https-Adresse ein, etwa https://erp.example.com/hooks.
webhook-url-credentials = Lassen Sie Benutzername und Passwort aus der Adresse weg; prüfen Sie stattdessen die Signatur.
webhook-url-internal = Diese Adresse liegt in einem privaten oder lokalen Netz, das Webhooks nicht erreichen dürfen. Der Administrator des Portals kann sie erlauben (webhooks.allow).
webhook-url-unknown-host = Der Hostname dieser Adresse ist unbekannt. Prüfen Sie die Schreibweise.
webhook-too-many = Es gibt bereits 20 Endpunkte. Löschen Sie zuerst einen.
webhook-title = Webhook-Endpunkt
saved-webhook = Der Endpunkt wurde gespeichert.
saved-webhook-created = Der Endpunkt wurde eingerichtet. Prüfen Sie mit dem Signaturschlüssel unten, dass Zustellungen vom Portal kommen.
saved-webhook-resent = Die Zustellung wird gleich erneut gesendet.
saved-webhook-paused = Der Endpunkt wurde pausiert. Bis Sie ihn fortsetzen, wird nichts an ihn gesendet.
saved-webhook-resumed = Der Endpunkt wurde fortgesetzt. Was gewartet hat, wird jetzt gesendet.
saved-webhook-deleted = Der Endpunkt wurde gelöscht.
webhook-paused-since = Pausiert seit
webhook-failing-since = Zustellungen schlagen fehl seit
webhook-resume = Fortsetzen
webhook-secret = Signaturschlüssel
webhook-secret-intro = Jede Zustellung trägt den Header OSC-Signature: t=<Zeit>,v1=<HMAC-SHA256 von "<Zeit>.<Inhalt>" mit diesem Schlüssel, hexadezimal>. Vergleichen Sie ihn mit Ihrer eigenen Berechnung und lehnen Sie alte Zeiten ab.
webhook-deliveries = Letzte Zustellungen
webhook-deliveries-none = Noch nichts gesendet.
webhook-delivery-event = Ereignis
webhook-delivery-at = Geschehen
webhook-delivery-state = Zustand
webhook-delivery-answer = Antwort
webhook-delivery-time = Dauer
webhook-delivery-attempts = Versuche
webhook-delivery-delivered = Zugestellt
webhook-delivery-pending = Wartet
webhook-delivery-next = nächster Versuch
webhook-delivery-held = Angehalten (pausiert)
webhook-delivery-failed = Nicht zugestellt
webhook-failure-refused = Adresse abgelehnt
webhook-failure-unknown-host = Unbekannter Host
webhook-failure-connection = Keine Verbindung
webhook-failure-timeout = Keine Antwort in der Zeit
webhook-failure-redirect = Weiterleitung (nicht gefolgt)
webhook-resend = Erneut senden
webhook-resend-label = Zustellung { $id } erneut senden
webhook-settings = Einstellungen
webhook-stop = Pausieren oder löschen
webhook-pause = Pausieren
webhook-delete = Endpunkt löschen

mail-webhook-paused-subject = Webhook pausiert bei { $instance }
mail-webhook-paused-body =
    Hallo { $name },

    Zustellungen an Ihren Webhook-Endpunkt { $url } schlagen seit { $since } fehl, deshalb hat das Portal ihn pausiert. Bis Sie ihn fortsetzen, wird nichts an ihn gesendet; was inzwischen geschieht, wartet und wird dann gesendet.

    Prüfen Sie den Endpunkt und setzen Sie ihn hier fort:
    { $link }

## The webhooks part of the API reference (/help/api#webhooks)
api-ref-webhooks-intro = Die Administratoren einer Firma (für deren Anfragen und Anlagen) und das Serviceteam (für alles) richten Endpunkte ein. Jedes Ereignis wird als JSON an jeden Endpunkt gesendet, der es gewählt hat, sofort und im Hintergrund; die Reihenfolge der Zustellungen ist nicht garantiert, nutzen Sie created_at oder lesen Sie die Ressource über die API.
api-ref-webhooks-request = Was ein Empfänger erhält
api-ref-webhooks-verify = Der Header OSC-Signature enthält die Sendezeit (t) und den HMAC-SHA256 aus Zeit, Punkt und Inhalt, verschlüsselt mit dem Signaturschlüssel des Endpunkts (v1, hexadezimal). Berechnen Sie ihn über den unveränderten Inhalt, vergleichen Sie in konstanter Zeit und lehnen Sie Zeiten ab, die mehr als fünf Minuten abweichen. OSC-Delivery bleibt bei jedem neuen Versuch gleich: Damit erkennen Sie eine schon verarbeitete Zustellung.
api-ref-webhooks-retries-heading = Antworten, neue Versuche und Pausieren
api-ref-webhooks-retries = Antworten Sie innerhalb von 10 Sekunden mit einem 2xx-Status; Weiterleitungen werden nicht verfolgt, von einer Antwort werden nur die ersten 64 KiB gelesen. Eine fehlgeschlagene Zustellung wird nach 30 Sekunden erneut versucht, danach jeweils nach doppelt so langer Zeit, mindestens stündlich. Ein Endpunkt, der einen Tag lang fehlschlägt, wird pausiert und sein Eigentümer per E-Mail benachrichtigt; was während der Pause geschieht, wartet und wird beim Fortsetzen gesendet. Zugestellte Zustellungen bleiben 30 Tage auf der Seite des Endpunkts.
