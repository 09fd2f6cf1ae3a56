/** The words the restaurant service accepts (MenuVocabulary): dietary tags and the 14 EU allergens. */
export const DIETARY_TAGS = ['vegetarian', 'vegan', 'gluten_free', 'dairy_free', 'nut_free', 'halal', 'kosher', 'spicy', 'organic', 'low_carb'];
export const ALLERGENS = ['celery', 'cereals_gluten', 'crustaceans', 'eggs', 'fish', 'lupin', 'milk', 'molluscs', 'mustard', 'nuts', 'peanuts', 'sesame', 'soya', 'sulphites'];
