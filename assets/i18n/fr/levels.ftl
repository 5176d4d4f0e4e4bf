# Niveaux de service : heures ouvrées, jours fériés, objectifs et chronomètres d’une demande
service-nav-levels = Niveaux de service
levels-title = Niveaux de service
levels-intro = Les chronomètres de chaque demande ne tournent qu’aux heures ouvrées : ils s’arrêtent tant qu’une demande attend le client, et celui de résolution d’un remplacement tant que l’appareil défectueux n’est pas revenu. Une modification s’applique dès son enregistrement ; le temps déjà compté reste tel quel.
levels-none-yet = Aucun niveau de service n’est encore défini : enregistrez les heures ouvrées et au moins un objectif pour lancer les chronomètres.
levels-saved = Les niveaux de service ont été enregistrés. Ils s’appliquent dès maintenant.
levels-holiday-added = Le jour férié a été ajouté.
levels-holiday-removed = Le jour férié a été retiré.
levels-imported = Les jours fériés du fichier de calendrier ont été ajoutés.
levels-hours = Heures ouvrées et objectifs
levels-zone = Fuseau horaire
levels-zone-hint = Comme dans la base des fuseaux horaires, p. ex. Europe/Paris, Europe/Berlin ou Europe/Zurich.
levels-week = Heures ouvrées
levels-week-hint = Laissez les deux heures vides pour un jour où le service ne travaille pas.
levels-day = Jour
levels-open = Ouverture
levels-close = Fermeture
weekday-mon = Lundi
weekday-tue = Mardi
weekday-wed = Mercredi
weekday-thu = Jeudi
weekday-fri = Vendredi
weekday-sat = Samedi
weekday-sun = Dimanche
levels-targets = Objectifs
levels-targets-hint = En heures ouvrées ; vide pour aucun objectif. Première réponse : jusqu’à la première réponse de l’équipe au client. Résolution : jusqu’à la clôture de la demande.
levels-first-response = Première réponse
levels-resolution = Résolution
levels-hours-unit = heures ouvrées
levels-from-now = Les modifications enregistrées s’appliquent aux demandes ouvertes dès maintenant.
levels-save = Enregistrer les niveaux de service
levels-holidays = Jours fériés
levels-holidays-none = Aucun jour férié n’est défini.
levels-holiday-remove = Retirer
levels-holiday-remove-label = Retirer le jour férié du { $date }
levels-holiday-add = Ajouter un jour férié
levels-holiday-date = Date
levels-holiday-name = Nom
levels-import = Importer depuis un fichier de calendrier
levels-import-file = Fichier de calendrier (.ics)
levels-import-hint = Les événements d’une journée entière deviennent des jours fériés, les annuels aussi pour les deux années suivantes. Les autres événements sont ignorés.
levels-import-submit = Importer les jours fériés
levels-changes = Modifications des réglages
levels-duration = { $hours } h { $minutes } min
levels-clocks = Niveaux de service
levels-met = Respecté
levels-stopped-at = arrêté { $time }
levels-breached-by = Dépassé de { $time }
levels-paused-since = En pause depuis { $time }
levels-remaining = reste { $time }
levels-was-due = échéance { $time }
levels-due = Échéance { $time }
levels-due-history = Échéances successives
levels-due-changed = Réglages modifiés { $time } : échéance { $before } avant, { $after } après.
levels-target-invalid = Saisissez un nombre d’heures supérieur à 0 (au plus 2920), p. ex. 4 ou 1,5.
levels-zone-unknown = Saisissez un fuseau horaire de la base des fuseaux horaires, p. ex. Europe/Paris.
levels-hours-invalid = Saisissez les deux heures au format HH:MM, la fermeture après l’ouverture.
levels-no-hours = Gardez au moins un jour avec des heures ouvrées.
levels-holiday-date-invalid = Saisissez la date au format AAAA-MM-JJ.
levels-ics-invalid = Ce n’est pas un fichier iCalendar (.ics).
levels-ics-empty = Le fichier ne contient aucun événement d’une journée entière.
levels-ics-missing = Choisissez un fichier de calendrier.
levels-ics-too-large = Le fichier dépasse 1 Mo.
queue-sla = Niveau de service
queue-sla-breached = Dépassé
queue-sla-soon = Échéance sous 4 h ouvrées
queue-sla-breached-badge = Dépassé
queue-due = Échéance
service-due-heading = Niveaux de service
service-due-breached = Dépassés : { $count }
service-due-soon = Dépassement dans 4 heures ouvrées : { $count }
service-due-none = Aucune demande ne dépasse son objectif dans les 4 prochaines heures ouvrées.
mail-sla-digest-subject = { $count ->
        [one] Une demande dépasse
       *[other] { $count } demandes dépassent
    } leur objectif dans 4 heures ouvrées – { $instance }
mail-sla-digest-body =
    Bonjour { $name },

    ces demandes atteignent leur objectif de niveau de service dans les 4 prochaines heures ouvrées :

    { $requests }

    La file d’attente, les plus urgentes d’abord :
    { $queue }
sla-digest-line = { $number } « { $subject } », échéance { $due }
service-times-heading = Délais des niveaux de service par semaine
service-times-intro = En heures ouvrées, pour les demandes dont le chronomètre s’est arrêté cette semaine-là : la médiane et le 90e centile (neuf sur dix ont pris au plus ce temps).
service-times-median = Médiane
service-times-p90 = 90e centile
service-times-first-desc = Heures ouvrées jusqu’à la première réponse par semaine : médiane et 90e centile.
service-times-resolution-desc = Heures ouvrées jusqu’à la clôture par semaine : médiane et 90e centile.
queue-sla-any = Tous
