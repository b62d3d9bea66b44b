from django.contrib import admin
from django.urls import include, path

from passerelles.accounts.views import signup
from passerelles.api.main import api
from passerelles.jobs.views import health
from passerelles.pages.views import set_language
from passerelles.trust import views_passport

urlpatterns = [
    path("sante/", health, name="health"),
    path("", include("passerelles.pages.urls")),
    path("", include("passerelles.core.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("compte/signup/", signup),  # allauth's page, prefilled from an invitation
    path("compte/", include("allauth.urls")),
    path("membres/", include("passerelles.members.urls")),
    path("notifications/", include("passerelles.notifications.urls")),
    path("cercles/", include("passerelles.circles.urls")),
    path("confiance/", include("passerelles.trust.urls")),
    path("mises-en-relation/", include("passerelles.intros.urls")),
    path("evenements/", include("passerelles.events.urls")),
    path("discussions/", include("passerelles.discussions.urls")),
    path("tableaux-de-bord/", include("passerelles.insights.urls")),
    path("api/", api.urls),
    path(".well-known/jwks.json", views_passport.jwks, name="passport_jwks"),
    path(".well-known/passport-status", views_passport.status_list, name="passport_status"),
    path("taches/", include("passerelles.jobs.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "passerelles.core.error_pages.bad_request"
# Not found, refused: in the site's frame (a member keeps the navigation), never a 500.
handler403 = "passerelles.core.error_pages.permission_denied"
handler404 = "passerelles.core.error_pages.page_not_found"

# Too many requests (sign-in limits): the product's page, in the member's language.
handler429 = "passerelles.accounts.ratelimits.too_many_requests"
