# Cadre : barre du haut, navigation, pied de page
skip-to-content = Aller au contenu
lang-switch-label = Langue
nav-label = Navigation principale
nav-menu = Menu
nav-profile = Mon profil
nav-access = Mes données d’accès
nav-plants = Aperçu des installations
nav-tickets = Suivi des tickets
nav-members = Inviter des collaborateurs
nav-service = Service client
footer-operated-by = exploité par { $team }
footer-privacy = Politique de confidentialité
footer-terms = Conditions d’utilisation
footer-contact = Contact

# Page d’accueil
home-title = Bienvenue
home-heading = Le service de vos installations solaires, au même endroit
home-lead = { $instance } est le portail de service des installateurs, des exploitants d’installations et des grossistes : gérez vos installations et vos appareils, suivez les garanties et joignez l’équipe de service sans attendre au téléphone.
home-feature-plants = Installations et appareils
home-feature-plants-text = Enregistrez vos installations avec leurs sous-installations et leurs appareils par numéro de série, et gardez-y plans de chaînes et documents.
home-feature-tickets = Demandes de service
home-feature-tickets-text = Demandez de l’aide ou un appareil de remplacement et suivez chaque étape dans le suivi des tickets.
home-feature-warranty = La garantie d’un coup d’œil
home-feature-warranty-text = Voyez pour chaque onduleur la durée restante de la garantie et si elle peut être prolongée.
login-heading = Connexion
login-email = Adresse e-mail
login-password = Mot de passe
login-submit = Se connecter
login-forgot = Mot de passe oublié ?
register-heading = Nouveau ici ?
register-lead = Installateurs, grossistes et exploitants s’inscrivent en quelques minutes.
register-cta = S’inscrire gratuitement

# Pages d’erreur
error-back-home = Retour à la page d’accueil
error-404-title = Page introuvable
error-404-text = Cette page n’existe pas ou ne vous est pas accessible. Vérifiez l’adresse ou repartez de la page d’accueil.
error-405-title = Cette adresse ne s’ouvre pas ainsi
error-405-text = Cette adresse reçoit la réponse d’un formulaire, pas une visite (après un rechargement ou depuis un favori, par exemple). Revenez à la page du formulaire, ou repartez de la page d’accueil.
error-403-title = Demande refusée
error-403-text = Le formulaire n’était plus à jour ou la demande n’a pas pu être vérifiée. Revenez en arrière, rechargez la page et réessayez.
error-400-title = Demande incomprise
error-400-text = La demande n’a pas pu être traitée. Revenez en arrière et réessayez.
error-408-title = Délai dépassé
error-408-text = La demande a pris trop de temps et a été interrompue. Réessayez dans un instant.
error-413-title = Trop de données
error-413-text = Ce que vous avez envoyé dépasse la taille acceptée par le portail. Envoyez un fichier plus petit ou moins de texte.
error-429-title = Merci de patienter un peu
error-429-text = Ce formulaire a été envoyé trop souvent depuis votre réseau. Veuillez réessayer dans une heure.
error-500-title = Une erreur est survenue
error-500-text = Une erreur inattendue s’est produite de notre côté. Elle a été enregistrée ; veuillez réessayer plus tard.
error-503-title = Momentanément indisponible
error-503-text = Le portail ne peut pas répondre pour le moment. Réessayez dans quelques minutes.

# Pages légales
legal-privacy-title = Politique de confidentialité
legal-terms-title = Conditions d’utilisation
