clean-fr.html missing.html fr-newsletter.html
