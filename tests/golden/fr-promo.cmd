fr-promo.eml
