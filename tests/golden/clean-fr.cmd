clean-fr.html
