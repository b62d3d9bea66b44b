app_name = "intros"
urlpatterns: list = []
