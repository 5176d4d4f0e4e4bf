# „Import aus dem Sunny Portal“ (/plants/import).

import-title = Import aus dem Sunny Portal
import-intro = Übernehmen Sie die Anlagen, die Sie im Sunny Portal führen, statt sie neu einzutippen: Exportieren Sie sie dort und laden Sie die Datei hier hoch. Sie sehen, was angelegt wird, bevor etwas gespeichert ist.
import-file = Exportdatei (CSV oder JSON)
import-file-hint = Ein CSV-Export (eine Zeile pro Gerät) oder das JSON der Monitoring-API, höchstens { $mb } MB.
import-nothing-yet = Noch wird nichts gespeichert: Zuerst kommt eine Vorschau.
import-submit = Hochladen und prüfen
import-choose-file = Wählen Sie die Exportdatei zum Hochladen.
import-too-large = Diese Datei ist für einen Import zu groß.
import-formats-heading = Wie die Datei aussehen darf
import-formats-csv = CSV: eine Zeile pro Gerät, getrennt durch Semikolon oder Komma, mit dieser Kopfzeile (UTF-8 oder Windows-1252, Dezimalkomma oder -punkt, eine Excel-Zeile „sep=;“ ist in Ordnung):
import-formats-json = JSON: eine Anlage aus der Monitoring-API (plantId, name, country, city, street, postalCode, latitude, longitude) mit ihrer Geräteliste (serial, productId oder product, name, startUpUtc), oder eine Liste solcher Anlagen.
import-formats-rules = Anlagen können in { $countries } registriert werden. Inselsysteme und Geräte anderer Hersteller werden nicht übernommen. Wird dieselbe Anlage erneut importiert (gleiche Sunny-Portal-Anlagen-ID), wird sie aktualisiert und um neue Geräte ergänzt; Geräte, die in der neuen Datei fehlen, werden gemeldet, nie entfernt.

import-checking-title = Die Datei wird geprüft …
import-checking-file = { $file } wird gelesen und geprüft.
import-progress-label = Geprüfte Geräte
import-progress = { $done } von { $total } Geräten geprüft.
import-progress-hint = Diese Seite aktualisiert sich selbst.
import-progress-reload = Jetzt aktualisieren
import-interrupted = Die Prüfung von { $file } wurde unterbrochen (der Server wurde neu gestartet). Nichts wurde gespeichert; bitte laden Sie die Datei erneut hoch.
import-again = Erneut hochladen

import-preview-title = Vorschau des Imports
import-preview-summary = { $file }: { $new }, { $updated }, { $devices }, { $refused }.
import-preview-hint = Prüfen Sie die Anlagen und Geräte unten. Mit der Bestätigung werden sie gespeichert; jede Anlage ganz oder gar nicht.
import-nothing-to-take = Aus dieser Datei lässt sich nichts importieren: Die Gründe stehen unten.
import-confirm = Import bestätigen
import-cancel = Abbrechen
import-problems-heading = Zeilen, die nicht übernommen werden können ({ $count })
import-problems-hint = Diese Zeilen bleiben außen vor; alles andere kann importiert werden. Korrigieren Sie sie im Sunny Portal oder in der Datei und importieren Sie erneut, um sie hinzuzufügen.
import-where = Wo
import-reason = Grund
import-more = … und { $count } weitere.
import-more-devices = … und { $count } weitere Geräte.
import-plants-heading = Anlagen
import-plant-new = Neu
import-plant-update = Aktualisierung
import-open-plant = Anlage öffnen
import-portal-id = Sunny-Portal-ID
import-plant-summary = { $devices }, { $known }, { $subplants }.
import-new-subplants = Neue Teilanlagen:
import-missing = { $count ->
    [one] 1 Gerät der Anlage fehlt in der Datei (es bleibt):
   *[other] { $count } Geräte der Anlage fehlen in der Datei (sie bleiben):
}
import-devices-list = Hinzuzufügende Geräte
import-device-name = Name
import-subplant = Teilanlage
import-place-file = Die Datei
import-place-line = Zeile { $line }
import-place-plant = Anlage { $plant }
import-place-device = Anlage { $plant }, Gerät { $device }

import-problem-not-an-export = Das ist kein Sunny-Portal-Export (keine bekannten Spalten oder Anlagendaten). { $detail }
import-problem-json-malformed = Das JSON ist hier fehlerhaft ({ $detail }).
import-problem-empty = Die Datei enthält keine Anlage und kein Gerät.
import-problem-missing-column = Die Spalte „{ $detail }“ fehlt in der Kopfzeile.
import-problem-missing-value = „{ $detail }“ ist leer.
import-problem-serial-malformed = „{ $detail }“ ist keine Seriennummer (6 bis 10 Ziffern).
import-problem-product-unknown = „{ $detail }“ ist kein bekannter SMA-Gerätetyp.
import-problem-not-registrable = { $detail } ist ein Inselsystem oder ein Fremdgerät: Es kann nicht registriert werden (senden Sie stattdessen das Informationsblatt).
import-problem-serial-taken = Die Seriennummer { $detail } ist bereits für ein Gerät einer anderen Anlage registriert.
import-problem-serial-twice = Die Seriennummer { $detail } kommt zweimal in der Datei vor.
import-problem-country-closed = In „{ $detail }“ können keine Anlagen registriert werden.
import-problem-coordinates-invalid = „{ $detail }“ ist keine Koordinate; die Anlage wird ohne ihre Position importiert.
import-problem-date-invalid = „{ $detail }“ ist kein gültiges Datum; es bleibt weg.
import-problem-plant-data-differ = Diese Zeile nennt andere Anlagendaten ({ $detail }) als die erste Zeile der Anlage.
import-problem-too-many-devices = Die Datei nennt { $detail } Geräte; ein Import nimmt höchstens 20.000.

import-result-title = Import abgeschlossen
import-result-summary = { $file }: { $created }, { $updated }, { $skipped }.
import-result-created = Angelegt
import-result-updated = Aktualisiert
import-result-skipped = Übersprungen
import-result-plant = { $devices }, { $subplants }
import-result-refused = { $count } Zeilen der Datei konnten nicht übernommen werden (siehe die Gründe in der Vorschau).
import-result-plant-skipped = { $name }: nicht importiert, weil die Seriennummer { $serial } inzwischen anderswo registriert wurde.
import-to-overview = Anlagenübersicht
import-another = Eine weitere Datei importieren
import-cancelled = Der Import von { $file } wurde abgebrochen; nichts wurde gespeichert.

import-n-new-plants = { $count ->
    [one] 1 neue Anlage
   *[other] { $count } neue Anlagen
}
import-n-updated-plants = { $count ->
    [one] 1 Anlage aktualisiert
   *[other] { $count } Anlagen aktualisiert
}
import-n-devices-to-add = { $count ->
    [one] 1 Gerät hinzuzufügen
   *[other] { $count } Geräte hinzuzufügen
}
import-n-rows-refused = { $count ->
    [one] 1 Zeile, die nicht übernommen werden kann
   *[other] { $count } Zeilen, die nicht übernommen werden können
}
import-n-known = { $count ->
    [one] 1 bereits in dieser Anlage registriert
   *[other] { $count } bereits in dieser Anlage registriert
}
import-n-new-subplants = { $count ->
    [one] 1 neue Teilanlage
   *[other] { $count } neue Teilanlagen
}
import-n-created = { $count ->
    [one] 1 Anlage angelegt
   *[other] { $count } Anlagen angelegt
}
import-n-updated = { $count ->
    [one] 1 aktualisiert
   *[other] { $count } aktualisiert
}
import-n-skipped = { $count ->
    [one] 1 Zeile oder Anlage übersprungen
   *[other] { $count } Zeilen oder Anlagen übersprungen
}
import-n-devices-added = { $count ->
    [one] 1 Gerät hinzugefügt
   *[other] { $count } Geräte hinzugefügt
}
