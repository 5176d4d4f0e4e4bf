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
status-waiting-customer = Wartet auf den Kunden
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
mail-ticket-received-subject = Anfrage { $number } eingegangen
mail-ticket-received-body =
    Guten Tag { $name },

    wir haben Ihre Anfrage { $number } („{ $subject }“) erhalten und antworten so bald wie möglich.

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
search-hint = Seriennummer, Name, Nummer, Wörter
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
replacement-new = Austauschgerät anfordern
tickets-none-here = Keine Anfragen auf dieser Seite passen zu diesen Filtern.
ticket-saved-note = Ihre interne Notiz wurde hinzugefügt; der Kunde sieht sie nicht.
ticket-saved-status = Die Anfrage ist jetzt „{ $status }“; der Anfragende wurde per E-Mail informiert.
ticket-internal-note = Interne Notiz
ticket-internal-checkbox = Interne Notiz: nur das Service-Team sieht sie, niemand erhält eine E-Mail
ticket-files = Dateien anhängen
ticket-files-hint = Bis zu { $count } Dateien, PDF, Bilder oder Office-Dokumente, höchstens { $mb } MB je Datei.
ticket-move = Anfrage weiterführen
ticket-move-none = Diese Anfrage ist abgeschlossen: kein weiterer Status.
ticket-move-to = Neuer Status
ticket-move-mail = Der Anfragende wird per E-Mail in seiner Sprache informiert.
ticket-move-submit = Status ändern
ticket-transition-refused = Dieser Status kann nicht auf den aktuellen folgen. Wählen Sie einen aus der Liste.
ticket-new-serial-same = Das Austauschgerät braucht eine eigene Seriennummer, nicht die des defekten Geräts.
upload-too-many = Hängen Sie höchstens fünf Dateien an eine Nachricht an.
upload-choose-again = Bitte wählen Sie die Datei erneut: Zu Ihrer Sicherheit behalten Browser sie nicht, wenn ein Formular zurückkommt.
replacement-title = Antrag auf Geräteaustausch
replacement-intro = Ein Gerät ist ausgefallen und muss ersetzt werden. Sagen Sie uns, welches, was es anzeigt und wohin das Austauschgerät gehen soll; das Service-Team prüft den Antrag und informiert Sie über jeden Schritt per E-Mail.
replacement-section-device = Das defekte Gerät
replacement-device = Gerät
replacement-device-hint = Die in Ihren Anlagen registrierten Geräte. Nicht dabei? Wählen Sie „Anderes Gerät“ und geben Sie die Seriennummer ein.
replacement-device-other = Anderes Gerät (Seriennummer unten eingeben)
replacement-serial-hint = Nur für ein Gerät, das nicht in der Liste steht: 6 bis 10 Ziffern vom Typenschild.
replacement-device-unknown = Wählen Sie ein Gerät aus der Liste.
replacement-device-required = Wählen Sie das Gerät aus der Liste oder geben Sie seine Seriennummer ein.
replacement-section-failure = Was ist passiert
replacement-event = Ereignisnummer oder Fehlermeldung
replacement-event-hint = Genau so, wie Display oder Monitoring sie zeigen, z. B. „Ereignis 3501“ oder „Isolationsfehler“.
replacement-failure-date = Datum des Ausfalls
replacement-description = Beschreibung
replacement-description-hint = Was vor und seit dem Ausfall geschah und was Sie bereits versucht haben.
replacement-role = Sie sind für die Anlage
replacement-requester-role = Anfragende Person an der Anlage
replacement-role-owner = Eigentümer
replacement-role-installer = Installateur
replacement-delivery = Lieferung des Austauschgeräts
replacement-address = Lieferadresse
replacement-address-hint = Aus Ihren Lieferadressen unter „Mein Profil“.
replacement-address-new = Eine neue Adresse (unten eingeben)
replacement-address-first = Wohin soll das Austauschgerät gehen?
replacement-address-new-summary = An eine neue Adresse senden
replacement-product-hint = Nur für ein Gerät, das nicht in der Liste steht: Tippen Sie einen Teil des Modellcodes oder Namens (z. B. „STP 10“) und wählen Sie aus der Liste.
replacement-address-new-hint = Soll es woandershin gehen, tragen Sie hier eine neue Adresse ein; sie gilt dann statt der oben gewählten.
replacement-address-unknown = Wählen Sie eine Ihrer Lieferadressen.
replacement-save-address = Diese Adresse auch in „Mein Profil“ speichern
replacement-onsite = Ansprechpartner vor Ort
replacement-onsite-name = Ansprechpartner vor Ort: Name
replacement-onsite-phone = Ansprechpartner vor Ort: Telefon
replacement-section-proof = Kaufnachweis und Bestätigungen
replacement-proof = Kaufnachweis
replacement-proof-hint = Eine Rechnung oder ein Garantiezertifikat mit der Seriennummer: PDF oder Bild, höchstens { $mb } MB.
replacement-proof-required = Hängen Sie den Kaufnachweis an: eine Rechnung oder ein Garantiezertifikat mit der Seriennummer.
replacement-confirm-pickup = Das defekte Gerät steht innerhalb von 5 Werktagen nach Eintreffen des Austauschgeräts zur Abholung bereit.
replacement-confirm-accessories = Mir ist bekannt, dass das Austauschgerät ohne Zubehör (Display, Wandhalterung, Steckverbinder) geliefert wird.
replacement-confirm-pickup-required = Bitte bestätigen Sie, dass das defekte Gerät zur Abholung bereitsteht.
replacement-confirm-accessories-required = Bitte bestätigen Sie, dass das Austauschgerät ohne Zubehör geliefert wird.
replacement-submit = Austauschantrag senden
replacement-subject = Austausch von { $serial }: { $event }
replacement-details = Austauschantrag
replacement-rma = RMA-Nummer
replacement-rma-hint = Zum Genehmigen eines Austauschs nötig.
replacement-tracking = Sendungsnummer
replacement-tracking-hint = Nötig, wenn das Austauschgerät versandt wird.
replacement-new-serial = Seriennummer des Austauschgeräts
replacement-new-serial-hint = Nötig beim Versand; der Gerätedatensatz übernimmt sie und behält die alte.
replacement-awaiting-return = Das defekte Gerät wird innerhalb von 5 Werktagen nach Eintreffen des Austauschgeräts abgeholt.
mail-ticket-answered-subject = Antwort auf Ihre Anfrage { $number }
mail-ticket-answered-body =
    Guten Tag { $name },

    das Service-Team hat Ihre Anfrage { $number } („{ $subject }“) beantwortet:

    { $text }

    { $link }

    Bitte geben Sie die Nummer { $number } an, wenn Sie uns erneut schreiben.
mail-ticket-status-subject = Ihre Anfrage { $number }: { $status }
mail-ticket-status-body =
    Guten Tag { $name },

    Ihre Anfrage { $number } („{ $subject }“) hat jetzt den Status: { $status }.

    { $detail }

    { $link }
mail-ticket-status-approved = Der Austausch ist genehmigt. Die RMA-Nummer lautet { $rma }: Bitte schreiben Sie sie auf die Verpackung des defekten Geräts.
mail-ticket-status-shipped = Das Austauschgerät (Seriennummer { $serial }) ist unterwegs; die Sendungsnummer lautet { $tracking }. Es wird ohne Zubehör geliefert.
mail-ticket-status-return = Bitte halten Sie das defekte Gerät innerhalb von 5 Werktagen zur Abholung bereit.
mail-ticket-status-waiting = Das Service-Team braucht eine Antwort von Ihnen: Bitte öffnen Sie die Anfrage und antworten Sie.

inbox-file-refused = Anhang nicht angenommen: { $name } ({ $reason })
inbox-original-file = originalnachricht.txt
inbox-refers-to = Zur Anfrage { $number }
