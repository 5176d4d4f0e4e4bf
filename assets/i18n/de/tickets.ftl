# Servicetickets
contact-title = Serviceteam kontaktieren
contact-intro = Fragen Sie uns alles zum Portal, zu Ihren Anlagen oder Geräten. Sie erhalten die Antwort per E-Mail; angemeldete Nutzer finden die Anfrage auch in der Ticket-Verfolgung.
contact-serial-reminder = Technische Anfragen brauchen die Seriennummer des betroffenen Geräts: Sie steht auf dem Typenschild.
contact-name = Ihr Name
contact-email-hint = Hierhin senden wir die Bestätigung und unsere Antworten.
contact-topic = Thema
contact-serial-hint = Pflicht bei technischen Anfragen: 6 bis 10 Ziffern vom Typenschild.
contact-message = Ihre Nachricht
contact-submit = Anfrage senden
contact-sent-title = Anfrage erhalten
contact-sent-text = Vielen Dank. Ihre Anfrage hat die Nummer { $number }; eine Bestätigung ist auf dem Weg in Ihr Postfach. Bitte geben Sie die Nummer an, wenn Sie uns erneut schreiben.
topic-general = Allgemeine Frage
topic-technical = Technische Frage zu einem Gerät
topic-login = Registrierung und Anmeldung
topic-account = Konto und E-Mail-Änderung
topic-other = Etwas anderes
ticket-topic-unknown = Wählen Sie ein Thema aus der Liste.
ticket-serial-required = Technische Anfragen brauchen die Seriennummer des Geräts.
tickets-new = Neue Anfrage
tickets-window = Anfragen der letzten { $days } Tage und alle offenen.
tickets-empty = Noch keine Anfragen. Fragen Sie das Serviceteam — die Antwort erscheint hier.
ticket-number = Nummer
ticket-subject = Betreff
ticket-kind = Art
ticket-status = Status
ticket-updated = Letzte Änderung
ticket-created = Eingegangen
ticket-requester = Angefragt von
ticket-title = Anfrage { $number }
ticket-open-plant = Anlage öffnen
ticket-thread = Nachrichten
ticket-history = Verlauf
ticket-reply = Nachricht hinzufügen
ticket-reply-submit = Senden
ticket-saved-created = Ihre Anfrage { $number } ist eingegangen.
ticket-saved-message = Ihre Nachricht wurde hinzugefügt.
ticket-kind-contact = Kontaktanfrage
ticket-kind-replacement = Geräteaustausch
ticket-kind-warranty = Garantieverlängerung
ticket-kind-info-sheet = Informationsblatt
status-new = Neu
status-submitted = Eingereicht
status-in-progress = In Bearbeitung
status-in-review = In Prüfung
status-waiting = Wartet auf Sie
status-approved = Genehmigt
status-rejected = Abgelehnt
status-shipped = Austauschgerät versandt
status-awaiting-return = Wartet auf das defekte Gerät
status-closed = Abgeschlossen
plant-tickets-empty = Keine Anfragen zu dieser Anlage.
plants-col-open-tickets = Offene Anfragen
mail-ticket-created-subject = Anfrage { $number } eingegangen: { $subject }
mail-ticket-created-body =
    Guten Tag { $name },

    wir haben Ihre Anfrage { $number } („{ $subject }“) erhalten und antworten so bald wie möglich.

    { $link }

    Bitte geben Sie die Nummer { $number } an, wenn Sie uns erneut schreiben.
info-title = Informationsblatt
info-intro = SMA Smart Home Systeme und Inselsysteme (Sunny Island, Sunny Backup, Multicluster Box) können im Portal nicht registriert werden. Senden Sie uns stattdessen ihr Informationsblatt: Das Serviceteam erfasst das System und antwortet Ihnen.
info-system = System
info-system-smart-home = SMA Smart Home System
info-system-off-grid = Inselsystem (Sunny Island, Sunny Backup, Multicluster Box)
info-system-unknown = Wählen Sie ein System aus der Liste.
info-serials = Seriennummern
info-serials-hint = Die Seriennummern der Geräte des Systems, eine pro Zeile.
info-site = Standort
info-site-hint = Adresse des Standorts, an dem das System installiert ist.
info-submit = Informationsblatt senden
info-subject = Informationsblatt: { $system }
warranty-extension-request = Verlängerung bestellen
extension-title = Garantieverlängerung
extension-intro = Die Herstellergarantie dieses Wechselrichters läuft bis { $until }. Wählen Sie die gewünschte Verlängerung; das Serviceteam antwortet mit dem Angebot für dieses Gerät.
extension-term-label = Verlängerung
extension-term = { $years } Jahre mehr
extension-term-unknown = Wählen Sie eine der angebotenen Verlängerungen.
extension-submit = Verlängerung anfragen
extension-subject = Garantieverlängerung +{ $years } Jahre für { $serial }
extension-factory-end = Herstellergarantie bis
search-label = Anfragen suchen
search-hint = Seriennummer, Kundenname, Nummer oder Wörter
search-submit = Suchen
search-clear = Alle zeigen
search-results = { $count ->
    [one] Eine Anfrage passt zu „{ $query }“
   *[other] { $count } Anfragen passen zu „{ $query }“
}
search-matched-serial = gefunden über die Seriennummer
search-matched-number = gefunden über die Anfragenummer
search-matched-words = gefunden über Kundenname und Wörter
filter-all = Alle
filter-open = Offen
filter-closed = Abgeschlossen
