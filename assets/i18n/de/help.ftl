# „FAQ & Support“ (/help).

help-title = FAQ & Support
help-intro = Antworten auf die häufigsten Fragen zu diesem Portal. Jede Antwort verweist auf die Seite, um die es geht.
help-search-label = Fragen durchsuchen
help-search-hint = z. B. blockiert, Garantie, Seriennummer
help-results = { $count ->
    [one] 1 Frage passt zu „{ $query }“
   *[other] { $count } Fragen passen zu „{ $query }“
}
help-none = Keine Frage passt. Das Service-Team beantwortet Ihre gern.
help-more = Ihre Frage ist nicht dabei?
help-link-contact = Dem Service-Team schreiben

help-section-account = Registrierung und Anmeldung
help-section-plants = Anlagen und Geräte
help-section-tickets = Anfragen und Ticket-Tracking
help-section-contact = Das Service-Team erreichen

help-q-register = Wie registriere ich mich?
help-a-register = Wählen Sie „Kostenlos registrieren“ und geben Sie an, wer Sie sind: Installationsbetrieb, Großhändler oder Anlagenbetreiber. Wir senden Ihnen eine E-Mail mit einem Bestätigungslink; sobald Sie ihn geöffnet haben, funktioniert Ihr Konto.

    Wer eine Firma als Erster registriert, wird ihr Administrator. Kollegen registrieren die Firma nicht noch einmal: Der Administrator lädt sie ein.
help-link-register = Registrieren

help-q-confirm = Ich habe mich registriert, kann mich aber nicht anmelden.
help-a-confirm = Vermutlich ist Ihre E-Mail-Adresse noch nicht bestätigt. Öffnen Sie den Link in der E-Mail, die wir Ihnen gesendet haben (sehen Sie auch im Spam-Ordner nach). Der Link läuft nach einiger Zeit ab; einen neuen können Sie jederzeit anfordern.
help-link-confirm = Bestätigungs-E-Mail erneut senden

help-q-locked = Mein Konto ist nach { $attempts } Versuchen blockiert. Wie komme ich wieder hinein?
help-a-locked = Nach { $attempts } falschen Passwörtern in Folge blockiert sich das Konto zu seinem Schutz. Nutzen Sie „Passwort vergessen?“: Geben Sie Ihre E-Mail-Adresse ein, beantworten Sie Ihre Sicherheitsfrage, und wir senden Ihnen einen kurz gültigen Link. Ein damit gesetztes neues Passwort hebt die Blockierung auf.

    Wenn Sie die Antwort auf Ihre Sicherheitsfrage nicht mehr wissen, schreiben Sie dem Service-Team: Es kann das Konto entsperren.
help-link-locked = Passwort vergessen?

help-q-blocked = Die Anmeldung sagt, mein Konto sei gesperrt.
help-a-blocked = Das Service-Team sperrt ein Konto bei Verdacht auf Betrug oder Missbrauch. Ein gesperrtes Konto kann sich weder anmelden noch sein Passwort zurücksetzen. Bitte schreiben Sie dem Service-Team; es erklärt Ihnen, was geschehen ist, und hebt die Sperre auf, sobald die Sache geklärt ist.
help-link-blocked = Service-Team kontaktieren

help-q-roles = Wer sieht was?
help-a-roles = Ein Administrator einer Firma sieht alle ihre Mitarbeiter, Anlagen, Geräte und Anfragen, lädt Mitarbeiter ein, entfernt sie und weist Installateuren Anlagen zu. Eine Firma hat höchstens { $admins } Administratoren.

    Ein Installateur sieht die ihm zugewiesenen und die von ihm angelegten Anlagen sowie seine eigenen Anfragen. Ein Anlagenbetreiber sieht seine eigenen Anlagen und Anfragen. Großhändler sind wie Installationsbetriebe organisiert. Niemand sieht je die Daten einer anderen Firma.
help-link-roles = Mitarbeiter einladen

help-q-email = Wie ändere ich meine E-Mail-Adresse?
help-a-email = Ihre E-Mail-Adresse ist Ihre Anmeldung; Sie können sie daher nicht selbst ändern. Bitten Sie das Service-Team darum: Es trägt die neue Adresse ein, wir senden ihr einen Bestätigungslink, und Ihre alte Adresse wird benachrichtigt. Passwort und Sicherheitsfrage ändern Sie selbst unter „Meine Zugangsdaten“.
help-link-email = Meine Zugangsdaten

help-q-plant-first = Warum muss ich eine Anlage vor ihren Geräten anlegen?
help-a-plant-first = Jedes Gerät gehört zu einer Anlage: Ihre Adresse und ihr Inbetriebnahmedatum sind die Grundlage für Garantie, Austausch und Einsätze des Service-Teams. Legen Sie zuerst die Anlage an (Name, Adresse, Koordinaten, Inbetriebnahme) und registrieren Sie dann ihre Geräte per Seriennummer.
help-link-plant-first = Anlage anlegen

help-q-subplants = Was sind Teilanlagen?
help-a-subplants = Eine große Anlage lässt sich in Teilanlagen gliedern, etwa eine pro Dach oder Gebäude. Wechselrichter und Kommunikationsgeräte werden dann einer Teilanlage zugeordnet, und die Seite der Anlage zeigt den Baum Anlage → Teilanlage → Gerät.
help-link-subplants = Anlagenübersicht

help-q-documents = Welche Dokumente kann ich zu einer Anlage ablegen?
help-a-documents = Auf der Seite einer Anlage können Sie unter „Dokumente“ PDFs und Bilder hochladen: Inbetriebnahmeprotokolle, Schaltpläne, Rechnungen als Kaufnachweis. Jede Datei darf bis zu { $mb } MB groß sein. Herunterladen kann sie nur, wer die Anlage sehen darf.
help-link-documents = Anlagenübersicht

help-q-warranty = Wie beantrage ich eine Garantieverlängerung?
help-a-warranty = Öffnen Sie die Geräteseite des Wechselrichters: Seine Garantiezeile zeigt das Garantieende und ob eine Verlängerung möglich ist. „Garantieverlängerung beantragen“ stellt die Anfrage; das Service-Team antwortet in Ihrem Ticket-Tracking. Ein Austauschgerät übernimmt die restliche Garantie des defekten Geräts, mindestens ein Jahr.
help-link-warranty = Anlagenübersicht

help-q-import = Kann ich meine Anlagen aus dem Sunny Portal übernehmen?
help-a-import = Ja. Exportieren Sie Ihre Anlagen aus dem Sunny Portal (CSV, eine Zeile pro Gerät, oder das JSON der Monitoring-API) und laden Sie die Datei unter „Import aus dem Sunny Portal“ hoch. Zuerst sehen Sie eine Vorschau: die Anlagen, Teilanlagen und Geräte, die angelegt oder aktualisiert werden, und jede Zeile, die nicht übernommen werden kann, mit Zeilennummer und Grund. Gespeichert wird erst, wenn Sie bestätigen.

    Wird dieselbe Anlage erneut importiert, wird sie aktualisiert und um neue Geräte ergänzt statt verdoppelt.
help-link-import = Import aus dem Sunny Portal

help-q-not-registrable = Welche Systeme können nicht registriert werden?
help-a-not-registrable = Inselsysteme (Sunny Island, Sunny Backup) und SMA-Smart-Home-Systeme können in diesem Portal nicht registriert werden. Senden Sie uns stattdessen das Informationsblatt mit dem System und seinen Seriennummern: Das Service-Team kümmert sich darum.
help-link-not-registrable = Das Informationsblatt

help-q-replacement = Ein Gerät ist ausgefallen. Wie beantrage ich einen Austausch?
help-a-replacement = Nutzen Sie den Antrag auf Geräteaustausch, der auch auf der Geräteseite verlinkt ist. Wir brauchen die genaue Ereignisnummer oder Fehlermeldung des Geräts, den Tag des Ausfalls, eine Lieferadresse, einen Ansprechpartner vor Ort und einen Kaufnachweis.

    Sobald der Austausch genehmigt und versandt ist, erhalten Sie die Sendungsnummer. Das defekte Gerät muss innerhalb von 5 Werktagen zur Abholung bereitstehen; Austauschgeräte werden ohne Zubehör geliefert.
help-link-replacement = Geräteaustausch beantragen

help-q-window = Warum sehe ich nur die Anfragen der letzten Monate?
help-a-window = Das Ticket-Tracking zeigt die Anfragen, die in den letzten { $days } Tagen aktualisiert wurden, und jede offene Anfrage, gleich wie alt. Ältere, abgeschlossene Anfragen bleiben gespeichert; das Service-Team kann sie für Sie nachschlagen.
help-link-window = Ticket-Tracking

help-q-search = Wie finde ich eine Anfrage?
help-a-search = Tippen Sie in das Suchfeld oben rechts im Ticket-Tracking: die Seriennummer eines Geräts (auch eine frühere, nach einem Austausch), eine Anfragenummer wie 2026-000123 oder den Namen eines Kunden. Ein Teil des Namens genügt, und ein kleiner Tippfehler wird verziehen.
help-link-search = Ticket-Tracking

help-q-contact = Wie erreiche ich das Service-Team?
help-a-contact = Über das Kontaktformular; es funktioniert auch ohne Konto. Bitte geben Sie bei technischen Fragen die Seriennummer des Geräts an: Sie steht auf dem Typenschild, und damit kann { $team } sofort antworten. Sie erhalten eine Anfragenummer per E-Mail; nennen Sie sie, wenn Sie erneut schreiben.

help-q-by-mail = Kann ich dem Service-Team per E-Mail schreiben oder antworten?
help-a-by-mail = Ja. Antworten Sie auf eine E-Mail zu Ihrer Anfrage: Ihre Antwort und ihre Anhänge (PDF, Bilder, Office-Dateien) werden der Anfrage hinzugefügt, und eine Anfrage, die auf Sie wartet, geht zurück an { $team }. Schreiben Sie über dem zitierten Text; er wird im Verlauf ausgelassen, aber mit der Nachricht aufbewahrt. Eine E-Mail an die Service-Adresse eröffnet eine neue Anfrage, deren Nummer Sie erhalten. Nur Sie und die Personen Ihrer Firma, die eine Anfrage sehen dürfen, können per E-Mail in sie schreiben; die Antwort einer anderen Person wird zu einer eigenen Anfrage.
help-link-by-mail = Ticket Tracking

# Referenz der JSON-API
api-ref-title = API-Referenz
api-ref-intro = Programme nutzen das Portal über seine JSON-API mit einem persönlichen Zugangstoken. Jede Operation unten, mit Parametern, Inhalt und Antworten, ist der eigenen Beschreibung der API entnommen (auf Englisch).
api-ref-download = Die OpenAPI-3.1-Beschreibung (JSON)
api-ref-operations = Operationen
api-ref-shapes = Datenformen
api-ref-scope = Berechtigung:
api-ref-parameters = Parameter
api-ref-name = Name
api-ref-in = In
api-ref-type = Typ
api-ref-description = Beschreibung
api-ref-required = erforderlich
api-ref-body = Inhalt
api-ref-responses = Antworten
api-ref-field = Feld
help-link-api = Die API-Referenz, für Programme
