fr-newsletter.html
