## Saved replies (/service/replies, and the request page's picker)

service-nav-replies = Réponses types
replies-title = Réponses types
replies-intro = Les réponses que l’équipe envoie souvent, dans chaque langue. Sur la page d’une demande, choisissez-en une et insérez-la : elle s’écrit dans la langue du demandeur avec les informations de la demande, et vous pouvez la modifier avant l’envoi.
replies-kept = Les réponses de l’équipe
replies-none = Aucune réponse type pour l’instant.
reply-new = Nouvelle réponse type
reply-create = Enregistrer la réponse
reply-edit-title = Réponse type
reply-delete = Supprimer la réponse
reply-title = Titre
reply-title-hint = Ce par quoi l’équipe la choisit, par ex. « Numéro de série manquant ».
reply-placeholders = Champs remplis à partir de la demande :
reply-text-fr = Texte en français
reply-text-de = Texte en allemand
reply-text-en = Texte en anglais
reply-then = Puis passer la demande à
reply-then-hint = Proposé à l’insertion ; la demande change d’état à l’envoi du message.
reply-then-none = Laisser l’état tel quel
reply-changed = Dernière modification
saved-reply-created = La réponse a été enregistrée pour l’équipe.
saved-reply = La réponse a été enregistrée.
saved-reply-deleted = La réponse a été supprimée.
reply-pick = Réponse type
reply-insert = Insérer
reply-then-checkbox = Puis passer la demande à « { $status } »
