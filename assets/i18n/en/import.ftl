# "Import from Sunny Portal" (/plants/import).

import-title = Import from Sunny Portal
import-intro = Bring the plants you keep in Sunny Portal over instead of typing them again: export them there, then upload the file here. You see what will be created before anything is saved.
import-file = Export file (CSV or JSON)
import-file-hint = A CSV export (one row per device) or the monitoring API's JSON, at most { $mb } MB.
import-nothing-yet = Nothing is saved yet: a preview comes first.
import-submit = Upload and check
import-choose-file = Choose the export file to upload.
import-too-large = This file is too large for an import.
import-formats-heading = What the file may look like
import-formats-csv = CSV: one row per device, separated by semicolons or commas, with this header (UTF-8 or Windows-1252, decimal comma or point, an Excel “sep=;” line is fine):
import-formats-json = JSON: a plant from the monitoring API (plantId, name, country, city, street, postalCode, latitude, longitude) with its list of devices (serial, productId or product, name, startUpUtc), or a list of such plants.
import-formats-rules = Plants can be registered in { $countries }. Off-grid systems and devices of other makers are not taken. Importing the same plant again (same Sunny Portal plant id) updates it and adds its new devices; devices missing from the new file are reported, never removed.

import-checking-title = Checking the file …
import-checking-file = Reading and checking { $file }.
import-progress-label = Devices checked
import-progress = { $done } of { $total } devices checked.
import-progress-hint = This page updates itself.
import-progress-reload = Update now
import-interrupted = The check of { $file } was interrupted (the server restarted). Nothing was saved; please upload the file again.
import-again = Upload again

import-preview-title = Preview of the import
import-preview-summary = { $file }: { $new }, { $updated }, { $devices }, { $refused }.
import-preview-hint = Check the plants and devices below. Confirming saves them; each plant is saved whole or not at all.
import-nothing-to-take = Nothing in this file can be imported: see the reasons below.
import-confirm = Confirm the import
import-cancel = Cancel
import-problems-heading = Rows that cannot be taken ({ $count })
import-problems-hint = These rows are left out; everything else can be imported. Correct them in Sunny Portal or in the file and import again to add them.
import-where = Where
import-reason = Reason
import-more = … and { $count } more.
import-more-devices = … and { $count } more devices.
import-plants-heading = Plants
import-plant-new = New
import-plant-update = Update
import-open-plant = Open the plant
import-portal-id = Sunny Portal id
import-plant-summary = { $devices }, { $known }, { $subplants }.
import-new-subplants = New sub-plants:
import-missing = { $count ->
    [one] 1 device of the plant is not in the file (it stays):
   *[other] { $count } devices of the plant are not in the file (they stay):
}
import-devices-list = Devices to add
import-device-name = Name
import-subplant = Sub-plant
import-place-file = The file
import-place-line = Line { $line }
import-place-plant = Plant { $plant }
import-place-device = Plant { $plant }, device { $device }

import-problem-not-an-export = This is not a Sunny Portal export (no known columns or plant data). { $detail }
import-problem-json-malformed = The JSON is malformed here ({ $detail }).
import-problem-empty = The file holds no plant and no device.
import-problem-missing-column = The column “{ $detail }” is missing from the header.
import-problem-missing-value = “{ $detail }” is empty.
import-problem-serial-malformed = “{ $detail }” is not a serial number (6 to 10 digits).
import-problem-product-unknown = “{ $detail }” is not a known SMA device type.
import-problem-not-registrable = { $detail } is an off-grid system or a third-party device: it cannot be registered (send the information sheet instead).
import-problem-serial-taken = The serial number { $detail } is already registered for a device of another plant.
import-problem-serial-twice = The serial number { $detail } appears twice in the file.
import-problem-country-closed = Plants cannot be registered in “{ $detail }”.
import-problem-coordinates-invalid = “{ $detail }” is not a coordinate; the plant is imported without its position.
import-problem-date-invalid = “{ $detail }” is not a valid date; it is left out.
import-problem-plant-data-differ = This row gives other plant data ({ $detail }) than the plant's first row.
import-problem-too-many-devices = The file lists { $detail } devices; one import takes at most 20,000.

import-result-title = Import done
import-result-summary = { $file }: { $created }, { $updated }, { $skipped }.
import-result-created = Created
import-result-updated = Updated
import-result-skipped = Skipped
import-result-plant = { $devices }, { $subplants }
import-result-refused = { $count } rows of the file could not be taken (see the preview's reasons).
import-result-plant-skipped = { $name }: not imported, because the serial number { $serial } was registered elsewhere meanwhile.
import-to-overview = Plant overview
import-another = Import another file
import-cancelled = The import of { $file } was cancelled; nothing was saved.

import-n-new-plants = { $count ->
    [one] 1 new plant
   *[other] { $count } new plants
}
import-n-updated-plants = { $count ->
    [one] 1 plant updated
   *[other] { $count } plants updated
}
import-n-devices-to-add = { $count ->
    [one] 1 device to add
   *[other] { $count } devices to add
}
import-n-rows-refused = { $count ->
    [one] 1 row that cannot be taken
   *[other] { $count } rows that cannot be taken
}
import-n-known = { $count ->
    [one] 1 already registered in this plant
   *[other] { $count } already registered in this plant
}
import-n-new-subplants = { $count ->
    [one] 1 new sub-plant
   *[other] { $count } new sub-plants
}
import-n-created = { $count ->
    [one] 1 plant created
   *[other] { $count } plants created
}
import-n-updated = { $count ->
    [one] 1 updated
   *[other] { $count } updated
}
import-n-skipped = { $count ->
    [one] 1 row or plant skipped
   *[other] { $count } rows or plants skipped
}
import-n-devices-added = { $count ->
    [one] 1 device added
   *[other] { $count } devices added
}
