from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("passerelles.core.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("compte/", include("allauth.urls")),
    path("membres/", include("passerelles.members.urls")),
    path("cercles/", include("passerelles.circles.urls")),
    path("confiance/", include("passerelles.trust.urls")),
    path("mises-en-relation/", include("passerelles.intros.urls")),
    path("evenements/", include("passerelles.events.urls")),
    path("tableaux-de-bord/", include("passerelles.insights.urls")),
    path("admin/", admin.site.urls),
]
