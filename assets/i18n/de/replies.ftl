## Saved replies (/service/replies, and the request page's picker)

service-nav-replies = Textbausteine
replies-title = Textbausteine
replies-intro = Antworten, die das Team oft schreibt, in jeder Sprache. Auf der Seite einer Anfrage wählen Sie einen Baustein und fügen ihn ein: Er erscheint in der Sprache des Anfragenden mit den Angaben der Anfrage, und Sie können ihn vor dem Senden ändern.
replies-kept = Die Textbausteine des Teams
replies-none = Noch kein Textbaustein.
reply-new = Neuer Textbaustein
reply-create = Textbaustein speichern
reply-edit-title = Textbaustein
reply-delete = Textbaustein löschen
reply-title = Titel
reply-title-hint = Woran das Team ihn erkennt, z. B. „Seriennummer fehlt“.
reply-placeholders = Platzhalter, die aus der Anfrage gefüllt werden:
reply-text-fr = Text auf Französisch
reply-text-de = Text auf Deutsch
reply-text-en = Text auf Englisch
reply-then = Danach die Anfrage setzen auf
reply-then-hint = Wird beim Einfügen angeboten; die Anfrage wechselt, wenn die Nachricht gesendet wird.
reply-then-none = Status unverändert lassen
reply-changed = Zuletzt geändert
saved-reply-created = Der Textbaustein wurde für das Team gespeichert.
saved-reply = Der Textbaustein wurde gespeichert.
saved-reply-deleted = Der Textbaustein wurde gelöscht.
reply-pick = Textbaustein
reply-insert = Einfügen
reply-then-checkbox = Danach die Anfrage auf „{ $status }“ setzen
