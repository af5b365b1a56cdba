// SurveyJS as its getting-started guide has it: a model from the JSON, rendered into a container.
// The JSON comes in a script of its own (window.benchSurveyJson), as pages usually embed it: no
// extra request, which can only help SurveyJS.
const survey = new Survey.Model(window.benchSurveyJson);
survey.render(document.getElementById('survey'));
