## Saved replies (/service/replies, and the request page's picker)

service-nav-replies = Saved replies
replies-title = Saved replies
replies-intro = Replies the team sends often, in every language. On a request's page, pick one and insert it: it is written in the requester's language with the request's details filled in, and you can change it before sending.
replies-kept = The team's replies
replies-none = No saved reply yet.
reply-new = New saved reply
reply-create = Save reply
reply-edit-title = Saved reply
reply-delete = Delete reply
reply-title = Title
reply-title-hint = What the team picks it by, e.g. "Serial number needed".
reply-placeholders = Placeholders filled from the request:
reply-text-fr = Text in French
reply-text-de = Text in German
reply-text-en = Text in English
reply-then = Then move the request to
reply-then-hint = Offered when the reply is inserted; the request moves when the message is sent.
reply-then-none = Leave the state as it is
reply-changed = Last changed
saved-reply-created = The reply was saved for the team.
saved-reply = The reply was saved.
saved-reply-deleted = The reply was deleted.
reply-pick = Saved reply
reply-insert = Insert
reply-then-checkbox = Then move the request to "{ $status }"
