from django.contrib import admin
from django.urls import path

from recruiting import views

urlpatterns = [
    path('admin/', admin.site.urls),
    path('offers/<int:pk>/matches/', views.offer_matches, name='offer-matches'),
]
