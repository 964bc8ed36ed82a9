spammy.html
