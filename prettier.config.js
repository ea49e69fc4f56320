/** Microsoft's add-in formatting, as the template uses it. */
module.exports = require("office-addin-prettier-config");
