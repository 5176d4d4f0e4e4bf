# « Import depuis Sunny Portal » (/plants/import).

import-title = Import depuis Sunny Portal
import-intro = Reprenez les installations que vous suivez dans Sunny Portal au lieu de les saisir à nouveau : exportez-les là-bas, puis déposez le fichier ici. Vous voyez ce qui sera créé avant que rien ne soit enregistré.
import-file = Fichier d’export (CSV ou JSON)
import-file-hint = Un export CSV (une ligne par appareil) ou le JSON de l’API de monitoring, au plus { $mb } Mo.
import-nothing-yet = Rien n’est encore enregistré : un aperçu vient d’abord.
import-submit = Déposer et vérifier
import-choose-file = Choisissez le fichier d’export à déposer.
import-too-large = Ce fichier est trop volumineux pour un import.
import-formats-heading = À quoi le fichier peut ressembler
import-formats-csv = CSV : une ligne par appareil, séparée par des points-virgules ou des virgules, avec cet en-tête (UTF-8 ou Windows-1252, virgule ou point décimal, une ligne Excel « sep=; » convient) :
import-formats-json = JSON : une installation de l’API de monitoring (plantId, name, country, city, street, postalCode, latitude, longitude) avec sa liste d’appareils (serial, productId ou product, name, startUpUtc), ou une liste de telles installations.
import-formats-rules = Les installations peuvent être enregistrées en { $countries }. Les systèmes en site isolé et les appareils d’autres fabricants ne sont pas repris. Importer à nouveau la même installation (même identifiant Sunny Portal) la met à jour et ajoute ses nouveaux appareils ; les appareils absents du nouveau fichier sont signalés, jamais supprimés.

import-checking-title = Vérification du fichier …
import-checking-file = Lecture et vérification de { $file }.
import-progress-label = Appareils vérifiés
import-progress = { $done } appareils vérifiés sur { $total }.
import-progress-hint = Cette page se met à jour d’elle-même.
import-progress-reload = Mettre à jour maintenant
import-interrupted = La vérification de { $file } a été interrompue (le serveur a redémarré). Rien n’a été enregistré ; déposez à nouveau le fichier.
import-again = Déposer à nouveau

import-preview-title = Aperçu de l’import
import-preview-summary = { $file } : { $new }, { $updated }, { $devices }, { $refused }.
import-preview-hint = Vérifiez les installations et appareils ci-dessous. La confirmation les enregistre ; chaque installation entière ou pas du tout.
import-nothing-to-take = Rien dans ce fichier ne peut être importé : voir les motifs ci-dessous.
import-confirm = Confirmer l’import
import-cancel = Annuler
import-problems-heading = Lignes qui ne peuvent pas être reprises ({ $count })
import-problems-hint = Ces lignes sont laissées de côté ; tout le reste peut être importé. Corrigez-les dans Sunny Portal ou dans le fichier et importez à nouveau pour les ajouter.
import-where = Où
import-reason = Motif
import-more = … et { $count } de plus.
import-more-devices = … et { $count } appareils de plus.
import-plants-heading = Installations
import-plant-new = Nouvelle
import-plant-update = Mise à jour
import-open-plant = Ouvrir l’installation
import-portal-id = Identifiant Sunny Portal
import-plant-summary = { $devices }, { $known }, { $subplants }.
import-new-subplants = Nouvelles sous-installations :
import-missing = { $count ->
    [one] 1 appareil de l’installation est absent du fichier (il reste) :
   *[other] { $count } appareils de l’installation sont absents du fichier (ils restent) :
}
import-devices-list = Appareils à ajouter
import-device-name = Nom
import-subplant = Sous-installation
import-place-file = Le fichier
import-place-line = Ligne { $line }
import-place-plant = Installation { $plant }
import-place-device = Installation { $plant }, appareil { $device }

import-problem-not-an-export = Ce n’est pas un export Sunny Portal (aucune colonne ni donnée d’installation connue). { $detail }
import-problem-json-malformed = Le JSON est mal formé ici ({ $detail }).
import-problem-empty = Le fichier ne contient ni installation ni appareil.
import-problem-missing-column = La colonne « { $detail } » manque dans l’en-tête.
import-problem-missing-value = « { $detail } » est vide.
import-problem-serial-malformed = « { $detail } » n’est pas un numéro de série (6 à 10 chiffres).
import-problem-product-unknown = « { $detail } » n’est pas un type d’appareil SMA connu.
import-problem-not-registrable = { $detail } est un système en site isolé ou un appareil tiers : il ne peut pas être enregistré (envoyez plutôt la fiche d’information).
import-problem-serial-taken = Le numéro de série { $detail } est déjà enregistré pour un appareil d’une autre installation.
import-problem-serial-twice = Le numéro de série { $detail } figure deux fois dans le fichier.
import-problem-country-closed = Les installations ne peuvent pas être enregistrées en « { $detail } ».
import-problem-coordinates-invalid = « { $detail } » n’est pas une coordonnée ; l’installation est importée sans sa position.
import-problem-date-invalid = « { $detail } » n’est pas une date valide ; elle est laissée de côté.
import-problem-plant-data-differ = Cette ligne donne d’autres données d’installation ({ $detail }) que la première ligne de l’installation.
import-problem-too-many-devices = Le fichier compte { $detail } appareils ; un import en prend au plus 20 000.

import-result-title = Import terminé
import-result-summary = { $file } : { $created }, { $updated }, { $skipped }.
import-result-created = Créées
import-result-updated = Mises à jour
import-result-skipped = Écartées
import-result-plant = { $devices }, { $subplants }
import-result-refused = { $count } lignes du fichier n’ont pas pu être reprises (voir les motifs de l’aperçu).
import-result-plant-skipped = { $name } : non importée, car le numéro de série { $serial } a été enregistré ailleurs entre-temps.
import-to-overview = Vue des installations
import-another = Importer un autre fichier
import-cancelled = L’import de { $file } a été annulé ; rien n’a été enregistré.

import-n-new-plants = { $count ->
    [one] 1 nouvelle installation
   *[other] { $count } nouvelles installations
}
import-n-updated-plants = { $count ->
    [one] 1 installation mise à jour
   *[other] { $count } installations mises à jour
}
import-n-devices-to-add = { $count ->
    [one] 1 appareil à ajouter
   *[other] { $count } appareils à ajouter
}
import-n-rows-refused = { $count ->
    [one] 1 ligne qui ne peut pas être reprise
   *[other] { $count } lignes qui ne peuvent pas être reprises
}
import-n-known = { $count ->
    [one] 1 déjà enregistré dans cette installation
   *[other] { $count } déjà enregistrés dans cette installation
}
import-n-new-subplants = { $count ->
    [one] 1 nouvelle sous-installation
   *[other] { $count } nouvelles sous-installations
}
import-n-created = { $count ->
    [one] 1 installation créée
   *[other] { $count } installations créées
}
import-n-updated = { $count ->
    [one] 1 mise à jour
   *[other] { $count } mises à jour
}
import-n-skipped = { $count ->
    [one] 1 ligne ou installation écartée
   *[other] { $count } lignes ou installations écartées
}
import-n-devices-added = { $count ->
    [one] 1 appareil ajouté
   *[other] { $count } appareils ajoutés
}
