# Service levels: business hours, holidays, targets, and a request's clocks
service-nav-levels = Service levels
levels-title = Service levels
levels-intro = The clocks of each request run in business hours only: they pause while a request waits for the customer, and a replacement's resolution clock while it waits for the failed device. A change applies from the moment it is saved; time already counted stays as it was.
levels-none-yet = No service levels are kept yet: save the business hours and at least one target to start the clocks.
levels-saved = The service levels were saved. They apply from now on.
levels-holiday-added = The holiday was added.
levels-holiday-removed = The holiday was removed.
levels-imported = The holidays of the calendar file were added.
levels-hours = Business hours and targets
levels-zone = Time zone
levels-zone-hint = As in the time zone database, e.g. Europe/Berlin, Europe/Paris or Europe/Zurich.
levels-week = Business hours
levels-week-hint = Leave both times empty for a day the service desk does not work.
levels-day = Day
levels-open = Opens
levels-close = Closes
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday
levels-targets = Targets
levels-targets-hint = In business hours; empty for no target. First response: until the service team first answers the customer. Resolution: until the request is closed.
levels-first-response = First response
levels-resolution = Resolution
levels-hours-unit = business hours
levels-from-now = Saved changes apply to open requests from now on.
levels-save = Save service levels
levels-holidays = Holidays
levels-holidays-none = No holidays are kept.
levels-holiday-remove = Remove
levels-holiday-remove-label = Remove the holiday of { $date }
levels-holiday-add = Add a holiday
levels-holiday-date = Date
levels-holiday-name = Name
levels-import = Import from a calendar file
levels-import-file = Calendar file (.ics)
levels-import-hint = All-day events become holidays; yearly ones for the next two years too. Other events are skipped.
levels-import-submit = Import holidays
levels-changes = Changes of the settings
levels-duration = { $hours } h { $minutes } min
levels-clocks = Service levels
levels-met = Met
levels-stopped-at = stopped { $time }
levels-breached-by = Breached by { $time }
levels-paused-since = Paused since { $time }
levels-remaining = { $time } left
levels-was-due = was due { $time }
levels-due = Due { $time }
levels-due-history = What was due when
levels-due-changed = Settings changed { $time }: due { $before } before, { $after } after.
levels-target-invalid = Enter a number of hours greater than 0 (at most 2920), e.g. 4 or 1.5.
levels-zone-unknown = Enter a time zone of the time zone database, e.g. Europe/Berlin.
levels-hours-invalid = Enter both times as HH:MM, the closing time after the opening time.
levels-no-hours = Keep at least one day with business hours.
levels-holiday-date-invalid = Enter the date as YYYY-MM-DD.
levels-ics-invalid = This is not an iCalendar (.ics) file.
levels-ics-empty = The file holds no all-day events.
levels-ics-missing = Choose a calendar file.
levels-ics-too-large = The file is larger than 1 MB.
queue-sla = Service level
queue-sla-breached = Breached
queue-sla-soon = Due within 4 business h
queue-sla-breached-badge = Breached
queue-due = Due
service-due-heading = Service levels
service-due-breached = Breached: { $count }
service-due-soon = Breaching within 4 business hours: { $count }
service-due-none = No request breaches within the next 4 business hours.
mail-sla-digest-subject = { $count ->
        [one] One request breaches
       *[other] { $count } requests breach
    } within 4 business hours at { $instance }
mail-sla-digest-body =
    Hello { $name },

    these requests reach their service-level target within the next 4 business hours:

    { $requests }

    The queue, due first:
    { $queue }
sla-digest-line = { $number } “{ $subject }”, due { $due }
service-times-heading = Service-level times per week
service-times-intro = In business hours, of the requests whose clock stopped that week: the median and the 90th percentile (nine in ten took at most that long).
service-times-median = Median
service-times-p90 = 90th percentile
service-times-first-desc = Business hours to the first answer per week: median and 90th percentile.
service-times-resolution-desc = Business hours to the closing per week: median and 90th percentile.
queue-sla-any = Any
